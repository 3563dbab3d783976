import type { DocBits } from '../index/doc-bits';
import type { SeekablePostings } from '../index/posting-lists';

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
  source?: { denseBits(): DocBits | undefined; readonly max: number };
  /** Typo counts, or null when all are 0. */
  typos: Uint8Array | null;
  /**
   * A posting list opened for seeking (an AND's operand): until it is whole, `docs` holds its documents
   * only in the blocks decoded so far. Only intersect reads such a list, by cursors or made whole, and
   * it never returns one that is not whole.
   */
  lazy?: SeekablePostings | undefined;
}

/** The list with every document decoded (a list opened for seeking is decoded whole now). */
export function whole(m: Matches): Matches {
  m.lazy?.complete();
  return m;
}

/**
 * A list opened for seeking is walked by a cursor when it is at least this many times longer than the
 * documents sought in it: each one sought then costs a block decoded (32 postings) and a scan of it,
 * about what decoding 50 postings of the list whole costs.
 */
const SEEK_SKEW = 64;

/**
 * A cursor over the list when it is opened for seeking, not yet whole, and about `sought` documents
 * will be sought in it, few enough for a cursor to pay; else undefined (the list is then read whole).
 */
export const seekerOf = (m: Matches, sought: number) =>
  m.lazy !== undefined && !m.lazy.whole && m.docs.length >= SEEK_SKEW * sought ? m.lazy.cursor() : undefined;

/**
 * Bits pay for a list walked against one of `walked` documents when it is at most this many times
 * longer: building them costs about a nanosecond a posting (and a word's rank), a lookup a few; past
 * it, galloping to each of the walked list's documents costs less than building them.
 */
const BITS_SKEW = 8;

/** The list's bits, built when it is dense and walked against `walked` documents for which they pay. */
export function bitsWorth(m: Matches, walked: number): DocBits | undefined {
  if (m.bits !== undefined || m.source === undefined) return m.bits;
  return walked * BITS_SKEW >= m.docs.length ? m.source.denseBits() : undefined;
}

/** The highest of m.imp when known or its source can tell: a ranking's bound on the list's scores. */
export const highestImpact = (m: Matches): number | undefined => m.impMax ?? m.source?.max;

export const scoreAt = (m: Matches, i: number): number =>
  m.scores !== null ? m.scores[i]! : m.imp !== undefined ? Math.fround(m.imp[i]! * m.mult!) : 0;
export const typosAt = (m: Matches, i: number): number => (m.typos === null ? 0 : m.typos[i]!);
