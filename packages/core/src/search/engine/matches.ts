import type { DocBits } from '../index/doc-bits';

/** A sorted list of matching documents with a score and a typo count each. */
export interface Matches {
  docs: Uint32Array;
  /**
   * Scores, or null when they are `fround(imp[i] * mult)` (a posting list read in place) or all 0. Every
   * score is single precision, and a union sums its lists' scores in double precision in list order, then
   * rounds once: a document's score depends only on the lists holding it, not on how many others a union
   * has or how they are merged (so a segment of a live corpus scores it as the whole corpus does).
   */
  scores: Float32Array | null;
  imp?: Uint8Array;
  mult?: number;
  /** The highest of imp, when known (a posting list read in place carries it). */
  impMax?: number;
  /** The documents as bits, when the list is a dense posting list read in place (see DocBits). */
  bits?: DocBits | undefined;
  /** Typo counts, or null when all are 0. */
  typos: Uint8Array | null;
}

export const scoreAt = (m: Matches, i: number): number =>
  m.scores !== null ? m.scores[i]! : m.imp !== undefined ? Math.fround(m.imp[i]! * m.mult!) : 0;
export const typosAt = (m: Matches, i: number): number => (m.typos === null ? 0 : m.typos[i]!);
