// BM25F parameters, tuned on the BBC known-item test (bench/relevance.ts).
export const K1 = 1.2;
/** Fields: title, standfirst, body, quotes, entity names. */
export const FIELD_WEIGHT = [4, 2, 1, 0.5, 1.5] as const;
export const FIELD_B = [0.4, 0.6, 0.75, 0.75, 0.5] as const;
/** Score multiplier for a word matched only with typos, and for prefix expansions. */
export const TYPO_WEIGHT = 0.6;
export const PREFIX_WEIGHT = 0.8;
/** Keyword (field-qualified) matches: a fixed saturation. */
export const KEYWORD_IMPACT = 160;
