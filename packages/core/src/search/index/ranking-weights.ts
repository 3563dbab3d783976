// BM25F parameters, tuned on the BBC known-item test (bench/relevance.ts).
export const K1 = 1.2;
/** Fields: title, standfirst, body, quotes, entity names. */
export const FIELD_WEIGHT = [4, 2, 1, 0.5, 1.5] as const;
export const FIELD_B = [0.4, 0.6, 0.75, 0.75, 0.5] as const;
/**
 * Each field's pivot length (words) in BM25F's length normalisation: fixed, not the index's averages, so
 * a document's impacts depend on the document alone and a segment scores it as a corpus built at once
 * does. Measured averages of the BBC corpus (1,822 articles: title 8.85, body 228.15, quotes 36.76,
 * entity names 63.68 words; the generated news corpus gives 6.2, 294, 47, 105). Neither has standfirsts:
 * 25 words is one sentence of a news standfirst.
 */
export const FIELD_PIVOT = [9, 25, 228, 37, 64] as const;
/** Score multiplier for a word matched only with typos, and for prefix expansions. */
export const TYPO_WEIGHT = 0.6;
export const PREFIX_WEIGHT = 0.8;
/** Keyword (field-qualified) matches: a fixed saturation. */
export const KEYWORD_IMPACT = 160;
