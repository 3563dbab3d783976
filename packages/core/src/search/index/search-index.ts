import type { FacetName } from '../../model/facet-name-schema';
import type { WordPairs } from './word-pairs';
import type { PositionLists } from './position-lists';
import type { PostingLists } from './posting-lists';
import type { StringColumn } from '../../binary/string-column';

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

/** The documents quoting an entity, by its id as given (no query field reaches it). */
export const SPEAKER_ID_KEY = '\u0001i';

/** The stored texts, read one at a time (a StringColumn, or WordCodedTexts read from a snapshot). */
export interface StoredTexts {
  readonly length: number;
  at(i: number): string;
}

/** Where a stored text came from, for snippets. */
export const TEXT_FIELD = ['title', 'standfirst', 'body'] as const;

export interface FacetColumn {
  values: StringColumn;
  off: Uint32Array;
  val: Uint32Array;
}

/**
 * The whole search index, in typed arrays and string columns (off the JS heap, stored in a snapshot as
 * they are). Documents are numbered newest first (ties by id), so document order is the stable
 * tie-break and date ranges are contiguous. Throughout the engine `ix` names a SearchIndex, `d` a
 * document number and `t` a term id (its rank in `terms`); `df` is a term's document frequency.
 */
export interface SearchIndex {
  n: number;
  ids: StringColumn;
  slugs: StringColumn;
  titles: StringColumn;
  /** publishedAt, '' when undated (undated documents come last). */
  dates: StringColumn;
  oldestRank: Uint32Array;
  /** Sorted term dictionary (code point order, so UTF-8 bytes compare alike). */
  terms: StringColumn;
  postings: PostingLists;
  positions: PositionLists;
  /** Common words side by side and the documents holding them so (absent from snapshots made before them). */
  pairs?: WordPairs;
  /** Surface words (folded, unstemmed, sorted) and their term: typos are judged on what people type. */
  surface: StringColumn;
  surfaceTerm: Uint32Array;
  facets: Record<FacetName, FacetColumn>;
  /** Entity ids per document (for the entity filter and related()). */
  entities: FacetColumn;
  /** Folded name and aliases of each entity of `entities.values`, joined by NUL. */
  entityKeys: StringColumn;
  /** Each entity's EntitySummary (merged across articles) as JSON, by value of `entities`. */
  entitySummaries: StringColumn;
  /** No article lists an entity id twice: the entity column then counts co-occurrences exactly. */
  entityIdsDistinct: boolean;
  /** Quotations per document. */
  quoteCounts: Uint32Array;
  /** Per document: how many of its quotations read as statements (readsAsStatement). */
  statementCounts: Uint32Array;
  /**
   * Unique stored texts (titles, standfirsts, body blocks), shared between documents: as UTF-8 in a
   * built index, word-coded in a snapshot (WordCodedTexts).
   */
  texts: StoredTexts;
  textOff: Uint32Array;
  textIds: Uint32Array;
  /** TEXT_FIELD index of each of a document's texts. */
  textField: Uint8Array;
  /** Recent term lookups (not serialised). */
  termCache?: Map<string, number>;
  /** Documents of each stored text, built on the first phrase query (not serialised). */
  textDocs?: TextDocs;
}

const TERM_CACHE = 4096;

/** A term's dictionary index, or -1; recent lookups are remembered (queries repeat their words). */
export function findTerm(ix: SearchIndex, term: string): number {
  ix.termCache ??= new Map();
  let t = ix.termCache.get(term);
  if (t === undefined) {
    t = ix.terms.find(term);
    if (ix.termCache.size >= TERM_CACHE) ix.termCache.clear();
    ix.termCache.set(term, t);
  }
  return t;
}

/** [from, to) of the dictionary terms starting with `prefix`. */
export const prefixRange = (ix: SearchIndex, prefix: string): [number, number] =>
  ix.terms.prefixRange(prefix);

export const df = (ix: SearchIndex, t: number) => ix.postings.df(t);

/** What `one` holds for a text in more than one document. */
export const SHARED_TEXT = 0xffffffff;

/** The documents of each stored text x: docs[off[x], off[x+1]), ascending. */
export interface TextDocs {
  off: Uint32Array;
  docs: Uint32Array;
  /**
   * Text x's document when it is in one only (most texts), else SHARED_TEXT: a walk over many texts
   * reads one array, not two, for each.
   */
  one: Uint32Array;
}

/** The documents (ascending) holding each stored text: the inverse of textOff/textIds. */
export function textDocs(ix: SearchIndex): TextDocs {
  if (ix.textDocs) return ix.textDocs;
  const off = new Uint32Array(ix.texts.length + 1);
  for (let j = 0; j < ix.textIds.length; j++) off[ix.textIds[j]! + 1]!++;
  for (let x = 0; x < ix.texts.length; x++) off[x + 1]! += off[x]!;
  const fill = off.slice(0, ix.texts.length);
  const docs = new Uint32Array(ix.textIds.length);
  for (let d = 0; d < ix.n; d++)
    for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++) {
      const x = ix.textIds[j]!;
      // A document may repeat a text (a repeated paragraph): listed once.
      if (fill[x]! > off[x]! && docs[fill[x]! - 1] === d) continue;
      docs[fill[x]!++] = d;
    }
  // Repeats leave gaps at the end of a text's range: compact them.
  let k = 0;
  const out = new Uint32Array(docs.length);
  const outOff = new Uint32Array(off.length);
  for (let x = 0; x < ix.texts.length; x++) {
    for (let j = off[x]!; j < fill[x]!; j++) out[k++] = docs[j]!;
    outOff[x + 1] = k;
  }
  const one = new Uint32Array(ix.texts.length);
  for (let x = 0; x < ix.texts.length; x++)
    one[x] = outOff[x + 1]! - outOff[x]! === 1 ? out[outOff[x]!]! : SHARED_TEXT;
  ix.textDocs = { off: outOff, docs: out.subarray(0, k), one };
  return ix.textDocs;
}
