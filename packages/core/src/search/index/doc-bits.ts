/**
 * A dense posting list as a bitset: one bit per document, and per 32-document word the postings before
 * it. A list walked against it (an AND of a rarer word and this one) finds each of its documents, and
 * the document's index in the list (for its impact), in a few operations instead of stepping through
 * the postings between them.
 */
export interface DocBits {
  words: Uint32Array;
  /** ranks[w]: the postings in words[0, w). */
  ranks: Uint32Array;
}

/**
 * Lists holding at least one document in this many are kept as bits too: the bits and ranks then take
 * at most twice the list's own 4 bytes a posting.
 */
export const DENSE_FROM = 16;

/** The bits of ascending documents below docCount. */
export function docBits(docs: Uint32Array, docCount: number): DocBits {
  const words = new Uint32Array((docCount + 31) >>> 5);
  for (let i = 0; i < docs.length; i++) words[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
  const ranks = new Uint32Array(words.length);
  let r = 0;
  for (let w = 0; w < words.length; w++) {
    ranks[w] = r;
    r += popcount(words[w]!);
  }
  return { words, ranks };
}

/** The index of document d in the list, or -1 when the list lacks it. */
export function rankOf(bits: DocBits, d: number): number {
  const w = d >>> 5;
  if (w >= bits.words.length) return -1;
  const word = bits.words[w]!;
  const bit = 1 << (d & 31);
  // bit - 1 masks the bits below d's (at bit 31, ToInt32 turns -2 ** 31 - 1 into 0x7fffffff).
  return (word & bit) === 0 ? -1 : bits.ranks[w]! + popcount(word & (bit - 1));
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A list's documents as bits alone, without ranks, in `size` words (covering every document asked): what
 * an AND filters by when the list is not dense enough to keep bits (DENSE_FROM) yet not much longer than
 * the list walked against it. Built for one intersection, not kept: a store a posting.
 */
export function memberWords(docs: Uint32Array, size: number): Uint32Array {
  const words = new Uint32Array(size);
  // Ascending: the documents past the words asked about are not read.
  const end = size * 32;
  for (let i = 0; i < docs.length && docs[i]! < end; i++) words[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
  return words;
}

/** Scratch for heldByAll's answers, grown as needed (an AND walks one list at a time). */
let held = new Uint32Array(1024);

/**
 * The places i in `docs` (ascending) whose document every one of `words` (bits by document, as DocBits'
 * or memberWords') holds, into a shared scratch array valid until the next call. Branch-free per
 * document (each place is written, and the count moves by whether all hold it): an AND turns most
 * documents away at random, and a branch on that, or a merge step, mispredicts about half the time.
 */
export function heldByAll(docs: Uint32Array, words: readonly Uint32Array[]): Uint32Array {
  if (held.length < docs.length) held = new Uint32Array(docs.length * 2);
  const out = held;
  let k = 0;
  if (words.length === 1) {
    const w0 = words[0]!;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      out[k] = i;
      k += ((w0[d >>> 5] ?? 0) >>> (d & 31)) & 1;
    }
  } else
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const w = d >>> 5;
      let all = -1;
      for (let j = 0; j < words.length; j++) all &= words[j]![w] ?? 0;
      out[k] = i;
      k += (all >>> (d & 31)) & 1;
    }
  return out.subarray(0, k);
}

/** The index of document d in the list, known to hold it (heldByAll found it). */
export function rankOfHeld(bits: DocBits, d: number): number {
  const w = d >>> 5;
  return bits.ranks[w]! + popcount(bits.words[w]! & ((1 << (d & 31)) - 1));
}
