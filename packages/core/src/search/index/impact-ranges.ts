/**
 * Documents per range of a list's highest impacts: a ranked OR bounds the scores of a run of documents
 * by them and skips the run whole when no document in it can beat the best held (block-max MaxScore,
 * with blocks of document numbers: any list's bound over a run is one look-up, no search of the list).
 * Chosen by measurement (or-best.ts at news 100k and 300k in segments): see the commit that set it.
 */
export const RANGE_SHIFT = 9;
export const RANGE = 1 << RANGE_SHIFT;

/**
 * The highest impact of the list's documents in each range of RANGE document numbers, up to its last
 * document's; undefined for a list sparser than a document a range, whose ranges would outweigh its
 * postings (a ranked OR bounds it by its next document instead).
 */
export function rangeMaxima(docs: Uint32Array, imps: Uint8Array): Uint8Array | undefined {
  const n = docs.length;
  if (n === 0 || n * RANGE <= docs[n - 1]!) return undefined;
  const out = new Uint8Array((docs[n - 1]! >>> RANGE_SHIFT) + 1);
  for (let i = 0; i < n; i++) {
    const r = docs[i]! >>> RANGE_SHIFT;
    if (imps[i]! > out[r]!) out[r] = imps[i]!;
  }
  return out;
}
