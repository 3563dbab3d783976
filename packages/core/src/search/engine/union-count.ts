import { type DocBits, popcount } from '../index/doc-bits';

/** One list of a union as the count reads it: its documents, and its bits when it is dense. */
export interface CountedList {
  docs: Uint32Array;
  bits?: DocBits | undefined;
}

/** Scratch bits for the count, one per document up to the highest counted (grown on demand, reused). */
let scratch = new Uint32Array(0);

/**
 * How many documents at least one list holds, exactly, in one bitset: the dense lists' bits ORed a
 * word at a time and counted by popcount, then the other lists' documents set one by one, each counted
 * when its bit was clear. Its cost is the documents' words plus the sparse lists' lengths, where
 * inclusion–exclusion walked every intersection of the lists (seven for three words, each as long as
 * its shortest list): a ranked OR of common words counted its matches for longer than it ranked them.
 */
export function unionCount(lists: readonly CountedList[]): number {
  let words = 0;
  for (const l of lists)
    words = Math.max(
      words,
      l.bits ? l.bits.words.length : l.docs.length ? (l.docs[l.docs.length - 1]! >>> 5) + 1 : 0,
    );
  if (scratch.length < words) scratch = new Uint32Array(words);
  const acc = scratch.subarray(0, words);
  let count = 0;
  const dense = lists.filter((l) => l.bits !== undefined);
  if (dense.length === 0) acc.fill(0);
  else {
    acc.set(dense[0]!.bits!.words);
    // Dense lists all have one word per 32 documents of the index: the widest there is.
    if (dense[0]!.bits!.words.length < words) acc.fill(0, dense[0]!.bits!.words.length);
    for (let j = 1; j < dense.length; j++) {
      const w = dense[j]!.bits!.words;
      for (let i = 0; i < w.length; i++) acc[i]! |= w[i]!;
    }
    for (let i = 0; i < words; i++) count += popcount(acc[i]!);
  }
  for (const l of lists) {
    if (l.bits !== undefined) continue;
    const docs = l.docs;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const bit = 1 << (d & 31);
      const w = d >>> 5;
      if ((acc[w]! & bit) === 0) {
        acc[w]! |= bit;
        count++;
      }
    }
  }
  return count;
}
