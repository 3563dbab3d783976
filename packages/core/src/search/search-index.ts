import type { FacetName } from '../corpus/query-params-schema';

/** Keyword keys live in the term dictionary behind a control character, so they never meet a word prefix. */
export const FIELD_KEY = {
  title: '\u0001t',
  quote: '\u0001q',
  byline: '\u0001b',
  speaker: '\u0001k',
  source: '\u0001s',
  section: '\u0001c',
  tag: '\u0001g',
  lang: '\u0001l',
  person: '\u0001p',
  org: '\u0001o',
  place: '\u0001w',
  entity: '\u0001e',
} as const;

/** Where a stored text came from, for snippets. */
export const TEXT_FIELD = ['title', 'standfirst', 'body'] as const;

export interface FacetColumn {
  values: string[];
  off: Uint32Array;
  val: Uint32Array;
}

/**
 * The whole search index, in typed arrays. Documents are numbered newest first (ties by id), so document
 * order is the stable tie-break and date ranges are contiguous.
 */
export interface SearchIndex {
  n: number;
  ids: string[];
  slugs: string[];
  titles: string[];
  /** publishedAt, '' when undated (undated documents come last). */
  dates: string[];
  oldestRank: Uint32Array;
  /** Sorted term dictionary (UTF-16 code unit order). */
  terms: string[];
  termOff: Uint32Array;
  postDoc: Uint32Array;
  /** BM25F saturation tf~/(k1+tf~) of the term in the document, quantised to 0..255. */
  postImp: Uint8Array;
  /** Surface words (folded, unstemmed, sorted) and their term: typos are judged on what people type. */
  surface: string[];
  surfaceTerm: Uint32Array;
  /** Surface word indexes by length, built on the first typo lookup (not serialised). */
  surfaceByLength?: Uint32Array[];
  /** Per stored text: 1 when folding it is lower-casing it, 2 when not, 0 unknown (not serialised). */
  lowerFolds?: Uint8Array;
  facets: Record<FacetName, FacetColumn>;
  /** Entity ids per document (for the entity filter and related()). */
  entities: FacetColumn;
  /** Folded name and aliases of each entity of `entities.values`, joined by NUL. */
  entityKeys: string[];
  /** Unique stored texts (titles, standfirsts, body blocks), shared between documents. */
  texts: string[];
  textOff: Uint32Array;
  textIds: Uint32Array;
  /** TEXT_FIELD index of each of a document's texts. */
  textField: Uint8Array;
}

export function findTerm(ix: SearchIndex, term: string): number {
  let lo = 0;
  let hi = ix.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = ix.terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** [from, to) of the dictionary terms starting with `prefix`. */
export function prefixRange(ix: SearchIndex, prefix: string): [number, number] {
  const lower = (s: string) => {
    let lo = 0;
    let hi = ix.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.terms[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(prefix), lower(prefix + '\uffff')];
}

export const df = (ix: SearchIndex, t: number) => ix.termOff[t + 1]! - ix.termOff[t]!;
