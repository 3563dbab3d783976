import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { docBits } from '../index/doc-bits';
import { advance, gallop } from '../index/gallop';
import { intersect, type Matches, scoreAt, typosAt } from './evaluate-query';
import { bitsWorth } from './matches';

/** Sorted distinct documents below n, each kept with probability `density`. */
function docsOf(r: () => number, n: number, density: number): Uint32Array {
  const out: number[] = [];
  for (let d = 0; d < n; d++) if (r() < density) out.push(d);
  return Uint32Array.from(out);
}

/**
 * A list in one of the shapes intersect meets: impacts read in place (with or without bits), stored
 * scores, with or without typos.
 */
function listOf(r: () => number, n: number, density: number, withTypos: boolean): Matches {
  const docs = docsOf(r, n, density);
  const typos = withTypos ? Uint8Array.from(docs, () => Math.floor(r() * 3)) : null;
  if (r() < 0.5) {
    const imp = Uint8Array.from(docs, () => 1 + Math.floor(r() * 255));
    // A posting list read in place may carry its bits (a dense one), or build them when an AND finds
    // they pay (its source), or have none: in every case, alike results.
    const shape = r();
    if (shape < 0.33) return { docs, scores: null, imp, mult: 0.1 + r(), bits: docBits(docs, n), typos };
    if (shape < 0.66) return { docs, scores: null, imp, mult: 0.1 + r(), source: lazyBits(docs, n), typos };
    return { docs, scores: null, imp, mult: 0.1 + r(), typos };
  }
  return { docs, scores: Float32Array.from(docs, () => r() * 10), typos };
}

/** A posting list's bits built on first asking, as PostingLists hands a dense list out; counts the builds. */
function lazyBits(docs: Uint32Array, n: number) {
  let bits: ReturnType<typeof docBits> | undefined;
  return {
    builds: 0,
    max: 255,
    denseBits() {
      if (!bits) {
        bits = docBits(docs, n);
        this.builds++;
      }
      return bits;
    },
  };
}

/** The reference: a document in every list, its scores summed in list order, its typos added (capped). */
function naive(lists: Matches[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < lists[0]!.docs.length; i++) {
    const d = lists[0]!.docs[i]!;
    const at = lists.map((l) => l.docs.indexOf(d));
    if (at.some((p) => p < 0)) continue;
    let s = 0;
    let t = 0;
    at.forEach((p, j) => {
      s += scoreAt(lists[j]!, p);
      t += typosAt(lists[j]!, p);
    });
    out.push([d, Math.fround(s), Math.min(255, t)]);
  }
  return out;
}

describe('intersect', () => {
  it('keeps the documents in every list, with their scores summed in list order, for 2 and 3 lists of any lengths', () => {
    const r = seededRandom(15);
    for (let q = 0; q < 200; q++) {
      const n = 50 + Math.floor(r() * 2000);
      const count = 2 + Math.floor(r() * 2);
      const withTypos = r() < 0.3;
      // Densities from a rare word's to a common one's, so lists of like and of far apart lengths meet.
      const lists = Array.from({ length: count }, () => listOf(r, n, r() ** 3, withTypos && r() < 0.5));
      const got = intersect(lists);
      const want = naive(lists);
      expect([...got.docs]).toEqual(want.map((w) => w[0]));
      expect(Array.from(got.docs, (_, i) => scoreAt(got, i))).toEqual(want.map((w) => w[1]));
      expect(Array.from(got.docs, (_, i) => typosAt(got, i))).toEqual(want.map((w) => w[2]));
    }
  });
});

describe('bitsWorth', () => {
  it("builds a dense list's bits only for a walk they pay for, and once", () => {
    const r = seededRandom(16);
    const n = 4000;
    const long = docsOf(r, n, 0.5);
    const source = lazyBits(long, n);
    const m: Matches = {
      docs: long,
      scores: null,
      imp: new Uint8Array(long.length),
      mult: 1,
      source,
      typos: null,
    };
    // A walk over a list 100 times shorter gallops: no bits built.
    expect(bitsWorth(m, Math.floor(long.length / 100))).toBeUndefined();
    expect(source.builds).toBe(0);
    const bits = bitsWorth(m, Math.floor(long.length / 2));
    expect(bits).toBeDefined();
    expect(bitsWorth(m, long.length)).toBe(bits);
    expect(source.builds).toBe(1);
  });
});

describe('advance', () => {
  it('finds what gallop finds, from any start, near or far', () => {
    const r = seededRandom(32);
    for (let q = 0; q < 300; q++) {
      const docs = docsOf(r, 1 + Math.floor(r() * 500), r());
      const from = Math.floor(r() * (docs.length + 1));
      const target = Math.floor(r() * 520);
      expect(advance(docs, from, target)).toBe(gallop(docs, from, target));
    }
  });
});

describe('gallop', () => {
  it('finds the first index from `from` on whose document reaches the target, as a scan does', () => {
    const r = seededRandom(33);
    for (let q = 0; q < 500; q++) {
      // Empty lists, lists of one, and long ones; targets before, among and past their documents.
      const docs = docsOf(r, Math.floor(r() * 3000), r() ** 2);
      const from = Math.floor(r() * (docs.length + 1));
      const target = Math.floor(r() * 3100);
      let want = from;
      while (want < docs.length && docs[want]! < target) want++;
      expect(gallop(docs, from, target)).toBe(want);
    }
  });
});
