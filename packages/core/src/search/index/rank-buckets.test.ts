import { describe, expect, it } from 'vitest';
import { permutation, seededRandom } from '../../../test-support/seeded-random';
import {
  BUCKET_ITEMS,
  bucketHeads,
  bucketOf,
  bucketScratch,
  rankBuckets,
  rankOf,
  sortBucket,
} from './rank-buckets';

/**
 * Items (a term id each, in order) sorted as the postings and positions sort them: each to its bucket,
 * then each bucket sorted by rank; the item numbers in their sorted order, and the buckets.
 */
function bucketSort(items: Uint32Array, rank: Uint32Array) {
  const termOff = new Uint32Array(rank.length + 1);
  for (const t of items) termOff[rank[t]! + 1]!++;
  for (let r = 0; r < rank.length; r++) termOff[r + 1]! += termOff[r]!;
  const buckets = rankBuckets(termOff, rank);
  const next = bucketHeads(buckets);
  const order = new Uint32Array(items.length);
  const byte = new Uint8Array(items.length);
  const local = new Uint16Array(items.length);
  items.forEach((t, i) => {
    const c = buckets.code[t]!;
    const at = next[bucketOf(c)]!++;
    order[at] = i;
    byte[at] = i & 0xff;
    local[at] = c & 0xffff;
  });
  const scratch = bucketScratch(buckets, byte);
  for (let b = 0; b + 1 < buckets.at.length; b++) sortBucket(buckets, b, local, order, byte, scratch);
  return { order, byte, buckets, termOff };
}

/** A stable sort of the item numbers by their terms' ranks: what the buckets must give. */
const byRank = (items: Uint32Array, rank: Uint32Array) =>
  Array.from(items.keys()).sort((x, y) => rank[items[x]!]! - rank[items[y]!]! || x - y);

describe('rank buckets', () => {
  it('sort items by rank and keep their order within a term, over terms common, rare and absent', () => {
    const r = seededRandom(5);
    const terms = 3000;
    const rank = permutation(terms, r);
    // Term 7 alone outgrows a bucket; most terms are rare, some hold no item at all.
    const items = Uint32Array.from({ length: 3 * BUCKET_ITEMS }, () =>
      r() < 0.4 ? 7 : Math.floor(r() ** 3 * (terms - 100)),
    );
    const { order, byte, buckets } = bucketSort(items, rank);
    const expected = byRank(items, rank);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(byte)).toEqual(expected.map((i) => i & 0xff));
    expect(buckets.first.length).toBeGreaterThan(4);
    // Every code stands for its term's rank.
    for (let t = 0; t < terms; t++) expect(rankOf(buckets, buckets.code[t]!)).toBe(rank[t]);
  });

  it('keep each bucket within its bounds: items, and 65,536 terms', () => {
    const r = seededRandom(6);
    const terms = 150_000;
    const rank = permutation(terms, r);
    // One item per term: the term bound, not the item bound, splits the buckets.
    const items = Uint32Array.from({ length: terms }, (_, i) => i);
    const { order, buckets, termOff } = bucketSort(items, rank);
    expect(Array.from(order)).toEqual(byRank(items, rank));
    let largest = { items: 0, terms: 0 };
    for (let b = 0; b + 1 < buckets.first.length; b++) {
      const termsIn = buckets.first[b + 1]! - buckets.first[b]!;
      expect(termsIn).toBeLessThanOrEqual(1 << 16);
      const itemsIn = termOff[buckets.first[b + 1]!]! - termOff[buckets.first[b]!]!;
      if (termsIn < 2) continue;
      expect(itemsIn).toBeLessThanOrEqual(BUCKET_ITEMS);
      largest = { items: Math.max(largest.items, itemsIn), terms: Math.max(largest.terms, termsIn) };
    }
    // The scratch is as large as the largest bucket sorted, no larger.
    expect(buckets.largest).toEqual(largest);
    expect(largest.terms).toBeGreaterThan(1);
  });

  it('make one empty bucket of no terms', () => {
    const { order, buckets } = bucketSort(new Uint32Array(0), new Uint32Array(0));
    expect(order).toHaveLength(0);
    expect(Array.from(buckets.first)).toEqual([0, 0]);
    expect(buckets.largest).toEqual({ items: 0, terms: 0 });
  });
});
