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
  /** The highest of imp, when known (a posting list read in place finds it on asking: highestImpact). */
  impMax?: number;
  /** The documents as bits, when the list is a dense posting list read in place (see DocBits). */
  bits?: DocBits | undefined;
  /**
   * The posting list read in place, whose bits (when it is dense) are built on first asking (an AND
   * asks only where they pay: bitsWorth), and whose highest impact is found on first asking (a ranking
   * of one list, a ranked OR: an AND never asks).
   */
  source?: {
    denseBits(): DocBits | undefined;
    readonly max: number;
    /** The highest impact in each range of documents (rangeMaxima): a ranked OR's bound on a run of them. */
    rangeMax?(): Uint8Array | undefined;
  };
  /** Typo counts, or null when all are 0. */
  typos: Uint8Array | null;
}

/**
 * Bits pay for a list walked against one of `walked` documents when it is at most this many times
 * longer: building them costs about a nanosecond a posting (and a word's rank), a lookup a few; past
 * it, galloping to each of the walked list's documents costs less than building them.
 */
const BITS_SKEW = 8;

/** The list's bits, built when it is dense and walked against `walked` documents for which they pay. */
export function bitsWorth(m: Matches, walked: number): DocBits | undefined {
  if (m.bits !== undefined || m.source === undefined) return m.bits;
  return filterWorth(m.docs, walked) ? m.source.denseBits() : undefined;
}

/**
 * A list without bits is filtered by bits built for one intersection (memberWords: a store a posting)
 * when walked against at least 1 in BITS_SKEW of its documents; past that, stepping it to each walked
 * document costs less than reading it whole.
 */
export const filterWorth = (docs: Uint32Array, walked: number): boolean => walked * BITS_SKEW >= docs.length;

/** The highest of m.imp when known or its source can tell: a ranking's bound on the list's scores. */
export const highestImpact = (m: Matches): number | undefined => m.impMax ?? m.source?.max;

export const scoreAt = (m: Matches, i: number): number =>
  m.scores !== null ? m.scores[i]! : m.imp !== undefined ? Math.fround(m.imp[i]! * m.mult!) : 0;
export const typosAt = (m: Matches, i: number): number => (m.typos === null ? 0 : m.typos[i]!);
