import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { RANGE, rangeMaxima } from './impact-ranges';
import { PostingLists } from './posting-lists';

/** A seeded list of `size` documents below docCount with random impacts. */
function randomList(r: () => number, size: number, docCount: number) {
  const set = new Set<number>();
  while (set.size < size) set.add(Math.floor(r() * docCount));
  const docs = Uint32Array.from([...set].sort((a, b) => a - b));
  return { docs, imps: Uint8Array.from(docs, () => Math.floor(r() * 256)) };
}

describe('rangeMaxima', () => {
  it('holds the highest impact of each range of documents, 0 where the list has none, for lists a range or denser', () => {
    const r = seededRandom(5);
    for (let q = 0; q < 50; q++) {
      const docCount = 1000 + Math.floor(r() * 50_000);
      const { docs, imps } = randomList(
        r,
        Math.ceil(docCount / RANGE) + Math.floor(r() * docCount * 0.3),
        docCount,
      );
      const ranges = rangeMaxima(docs, imps)!;
      const expected = new Array<number>(Math.floor(docs[docs.length - 1]! / RANGE) + 1).fill(0);
      docs.forEach((d, i) => {
        expected[Math.floor(d / RANGE)] = Math.max(expected[Math.floor(d / RANGE)]!, imps[i]!);
      });
      expect([...ranges]).toEqual(expected);
    }
  });

  it('has none for a list sparser than a document a range (its ranges would outweigh it), nor for an empty one', () => {
    const r = seededRandom(6);
    const { docs, imps } = randomList(r, 20, 100 * RANGE);
    expect(docs[docs.length - 1]! >= 20 * RANGE).toBe(true);
    expect(rangeMaxima(docs, imps)).toBeUndefined();
    expect(rangeMaxima(new Uint32Array(0), new Uint8Array(0))).toBeUndefined();
  });

  it('is found once for a decoded posting list and kept with it', () => {
    const r = seededRandom(7);
    const { docs, imps } = randomList(r, 5000, 40_000);
    const postings = PostingLists.encode(Uint32Array.of(0, docs.length), docs, imps, 40_000);
    const list = postings.get(0);
    const ranges = list.rangeMax();
    expect([...ranges!]).toEqual([...rangeMaxima(docs, imps)!]);
    // The cached list is handed out again with the same ranges (not found again).
    expect(postings.get(0).rangeMax()).toBe(ranges);
  });

  it('gives a list the same highest impact whether its ranges were found first or not', () => {
    const r = seededRandom(8);
    for (let q = 0; q < 20; q++) {
      const { docs, imps } = randomList(r, 200 + Math.floor(r() * 3000), 20_000);
      const postings = PostingLists.encode(Uint32Array.of(0, docs.length), docs, imps, 20_000);
      const before = postings.get(0).max;
      const fresh = PostingLists.encode(Uint32Array.of(0, docs.length), docs, imps, 20_000).get(0);
      fresh.rangeMax();
      expect(fresh.max).toBe(before);
      expect(before).toBe(Math.max(...imps));
    }
  });
});
