import { GrowableArray } from '../../binary/growable-array';

/** Fields a word is counted in, in FIELD_WEIGHT's order: title, standfirst, body, quotes, entity names. */
export const FIELDS = 5;
// Their numbers, as DocumentTerms.count takes them.
export const TITLE = 0;
export const STANDFIRST = 1;
export const BODY = 2;
export const QUOTES = 3;
export const ENTITY_NAMES = 4;
/** Distinct terms counted in one document: an absurdly long document's later new terms are dropped. */
export const MAX_DOCUMENT_TERMS = 1 << 16;

/** The entries of a range of documents (numbered from 0), to be appended to another's. */
export interface EntriesPart {
  entryTerm: Uint32Array;
  entryCounts: Uint8Array[];
  docEnd: Uint32Array;
  fieldLength: Float64Array;
}

/**
 * The index's entries (term, document, count per field) in document order, to be sorted by term: each
 * document's words are counted in a scratch table, appended when the document ends. A keyword entry
 * (field qualifier, facet value) has no count in any field.
 */
export class DocumentTerms {
  /**
   * An entry's term. With the counts, the largest arrays of an analysis (hundreds of MB at news 100k):
   * grown in place (see GrowableArray), not copied again as they grow, nor counted as V8's external memory.
   */
  readonly entryTerm = new GrowableArray(Uint32Array, 1024, 0, true);
  /** Per field, each entry's count of the term's words (at most 255). */
  readonly entryCounts = Array.from({ length: FIELDS }, () => new GrowableArray(Uint8Array, 1024, 0, true));
  /** Document d's entries end at docEnd[d]. */
  readonly docEnd: Uint32Array;
  /** Words counted in document d's field f, at d * FIELDS + f. */
  readonly fieldLength: Float64Array;

  private doc = 0;
  /** The document a term was last seen in (-1: none yet), and its row in the scratch counts (-1: dropped). */
  private readonly lastDoc = new GrowableArray(Int32Array, 1024, -1);
  private readonly row = new GrowableArray(Int32Array);
  /**
   * The current document's terms, by row, and their counts per field. A typed array emptied by its
   * length: an array's `length = 0` frees its backing store, regrown by doubling for every document.
   */
  private readonly docTerms = new GrowableArray(Int32Array);
  private readonly counts = Array.from({ length: FIELDS }, () => new Uint16Array(MAX_DOCUMENT_TERMS));

  constructor(documents: number, given?: Pick<EntriesPart, 'docEnd' | 'fieldLength'>) {
    this.docEnd = given?.docEnd ?? new Uint32Array(documents);
    this.fieldLength = given?.fieldLength ?? new Float64Array(documents * FIELDS);
  }

  /** Entries counted elsewhere (e.g. sent to a worker to be inverted), over the part's arrays: not copied. */
  static over(p: EntriesPart): DocumentTerms {
    const entries = new DocumentTerms(p.docEnd.length, p);
    entries.entryTerm.adopt(p.entryTerm as Uint32Array<ArrayBuffer>);
    for (let f = 0; f < FIELDS; f++)
      entries.entryCounts[f]!.adopt(p.entryCounts[f] as Uint8Array<ArrayBuffer>);
    return entries;
  }

  /** Room for `growth` times the entries it holds (see GrowableArray.projectGrowth). */
  projectGrowth(growth: number): void {
    this.entryTerm.projectGrowth(growth);
    for (const counts of this.entryCounts) counts.projectGrowth(growth);
  }

  startDocument(d: number): void {
    this.doc = d;
    this.docTerms.length = 0;
  }

  /** Counts the words ids[from..to) (term ids, -1 for a stop word) in the given field. */
  count(ids: ArrayLike<number>, from: number, to: number, field: number): void {
    const counts = this.counts[field]!;
    let words = 0;
    for (let i = from; i < to; i++) {
      const t = ids[i]!;
      if (t < 0) continue;
      words++;
      const r = this.isNew(t) ? this.addRow(t) : this.row.array[t]!;
      if (r >= 0 && counts[r]! < 255) counts[r]!++;
    }
    this.fieldLength[this.doc * FIELDS + field]! += words;
  }

  /**
   * Closes the document: its counted terms, then its keyword terms keywords[0, count) (each once),
   * become entries.
   */
  endDocument(keywords: ArrayLike<number>, count = keywords.length): void {
    // Written into the arrays, not pushed (see GrowableArray.push): this runs for every document.
    const rows = this.docTerms.length;
    const base = this.entryTerm.length;
    this.entryTerm.reserve(rows + count);
    const entryTerm = this.entryTerm.array;
    entryTerm.set(this.docTerms.array.subarray(0, rows), base);
    let n = base + rows;
    for (let i = 0; i < count; i++) {
      const k = keywords[i]!;
      if (this.isNew(k)) entryTerm[n++] = k;
    }
    for (let f = 0; f < FIELDS; f++) {
      const counts = this.entryCounts[f]!;
      counts.reserve(n - base);
      // Counts stop at 255 (see count): each fits a byte. A keyword's are 0.
      counts.array.set(this.counts[f]!.subarray(0, rows), base);
      counts.array.fill(0, base + rows, n);
      counts.length = n;
    }
    this.entryTerm.length = n;
    this.docEnd[this.doc] = n;
  }

  part(): EntriesPart {
    return {
      entryTerm: this.entryTerm.view(),
      entryCounts: this.entryCounts.map((c) => c.view()),
      docEnd: this.docEnd,
      fieldLength: this.fieldLength,
    };
  }

  /** Appends the entries of documents firstDoc on, counted apart (the part's term ids mapped by `terms`). */
  append(p: EntriesPart, firstDoc: number, terms: Int32Array): void {
    const base = this.entryTerm.length;
    const n = p.entryTerm.length;
    this.entryTerm.reserve(n);
    const entryTerm = this.entryTerm.array;
    for (let i = 0; i < n; i++) entryTerm[base + i] = terms[p.entryTerm[i]!]!;
    this.entryTerm.length = base + n;
    for (let f = 0; f < FIELDS; f++) {
      const counts = this.entryCounts[f]!;
      counts.reserve(n);
      counts.array.set(p.entryCounts[f]!, base);
      counts.length = base + n;
    }
    for (let d = 0; d < p.docEnd.length; d++) this.docEnd[firstDoc + d] = base + p.docEnd[d]!;
    this.fieldLength.set(p.fieldLength, firstDoc * FIELDS);
  }

  /** Whether term t is seen for the first time in this document (it is marked seen). */
  private isNew(t: number): boolean {
    if (t >= this.lastDoc.array.length) {
      this.lastDoc.cover(t);
      this.row.cover(t);
    }
    if (this.lastDoc.array[t] === this.doc) return false;
    this.lastDoc.array[t] = this.doc;
    return true;
  }

  /** Gives term t a row of zero counts in this document; -1 once the document has too many terms. */
  private addRow(t: number): number {
    const r = this.docTerms.length < MAX_DOCUMENT_TERMS ? this.docTerms.length : -1;
    this.row.array[t] = r;
    if (r < 0) return r;
    this.docTerms.push(t);
    for (let f = 0; f < FIELDS; f++) this.counts[f]![r] = 0;
    return r;
  }
}
