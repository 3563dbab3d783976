import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { DENSE_FROM, docBits } from '../index/doc-bits';
import { RANGE, rangeMaxima } from '../index/impact-ranges';
import { type Matches, scoreAt } from './matches';
import { PendingUnion } from './pending-union';

type Ranked = Array<[doc: number, score: number]>;

/**
 * A seeded list below docCount, as the engine hands one to a union: a posting list read in place
 * (impacts, its highest and its ranges found on asking, bits when dense) or stored scores. Impacts and
 * scores come from a few values, so documents tie; `hot` ranges hold the high impacts of a clustered
 * list, elsewhere low, so ranges can be skipped whole.
 */
function randomList(
  r: () => number,
  docCount: number,
  size: number,
  kind: 'impacts' | 'clustered' | 'scores',
): Matches {
  const docs = new Set<number>();
  while (docs.size < size) docs.add(Math.floor(r() * docCount));
  const sorted = Uint32Array.from([...docs].sort((a, b) => a - b));
  const levels = [40, 120, 200, 255];
  if (kind === 'scores')
    return {
      docs: sorted,
      scores: Float32Array.from(sorted, () => 0.5 * (1 + Math.floor(r() * 6))),
      typos: null,
    };
  const hot = new Set(Array.from({ length: 3 }, () => Math.floor((r() * docCount) / RANGE)));
  const imp = Uint8Array.from(sorted, (d) =>
    kind === 'clustered' && !hot.has(Math.floor(d / RANGE))
      ? 10 + Math.floor(r() * 3)
      : levels[Math.floor(r() * 4)]!,
  );
  const dense = sorted.length * DENSE_FROM >= docCount;
  const source = {
    max: Math.max(0, ...imp),
    denseBits: () => (dense ? docBits(sorted, docCount) : undefined),
    rangeMax: () => rangeMaxima(sorted, imp),
  };
  return {
    docs: sorted,
    scores: null,
    imp,
    mult: [0.01, 0.02, 0.05][Math.floor(r() * 3)]!,
    source,
    typos: null,
  };
}

/** The reference: every document of the lists, its scores summed in list order (double), stored single. */
function fullMerge(lists: readonly Matches[], offset = 0): Ranked {
  const sums = new Map<number, number>();
  for (const l of lists)
    for (let i = 0; i < l.docs.length; i++) sums.set(l.docs[i]!, (sums.get(l.docs[i]!) ?? 0) + scoreAt(l, i));
  return [...sums].map(([d, s]): [number, number] => [d + offset, Math.fround(s)]);
}

/** The best k: higher score first, then the earlier document. */
const bestOf = (all: Ranked, k: number): Ranked =>
  [...all].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);

const asRanked = (m: Matches, offset = 0): Ranked => [...m.docs].map((d, i) => [d + offset, scoreAt(m, i)]);

/** Two to four lists of one segment: long ones spanning many ranges, sparse ones, clustered ones, scores. */
function randomUnion(r: () => number, docCount: number): Matches[] {
  const kinds = ['impacts', 'clustered', 'scores'] as const;
  return Array.from({ length: 2 + Math.floor(r() * 3) }, () =>
    randomList(r, docCount, 1 + Math.floor(r() ** 2 * docCount * 0.4), kinds[Math.floor(r() * 3)]!),
  );
}

describe('PendingUnion.best by block-max MaxScore (union-walk)', () => {
  it('keeps the full merge’s best k (ties included) over long, sparse, clustered and scored lists', () => {
    const r = seededRandom(31);
    let skipped = 0;
    for (let q = 0; q < 300; q++) {
      const lists = randomUnion(r, 2000 + Math.floor(r() * 20000));
      const k = [1, 10, 25][q % 3]!;
      const best = new PendingUnion(lists, () => ({
        docs: new Uint32Array(0),
        scores: null,
        typos: null,
      })).best(k);
      const all = fullMerge(lists);
      expect(best.total).toBe(all.length);
      expect(bestOf(asRanked(best.top), k), `query ${q}`).toEqual(bestOf(all, k));
      expect(best.scored).toBeLessThanOrEqual(best.visited);
      if (best.visited < all.length) skipped++;
    }
    // Most unions leave documents unvisited (weak lists' own, or ranges that cannot enter).
    expect(skipped).toBeGreaterThan(200);
  });

  it('over segments, each given the k-th best of those before as the score to reach, ranks as one union', () => {
    const r = seededRandom(37);
    for (let q = 0; q < 80; q++) {
      const want = 10;
      const docCount = 3000 + Math.floor(r() * 8000);
      const words = 2 + Math.floor(r() * 3);
      let merged: Ranked = [];
      let all: Ranked = [];
      for (let s = 0; s < 3; s++) {
        // The same words in each segment: alike kinds and multipliers, other documents.
        const lists = randomUnion(r, docCount).slice(0, words);
        const offset = s * docCount;
        const below = merged.length === want ? merged[want - 1]![1] : 0;
        const { top } = new PendingUnion(lists, () => ({
          docs: new Uint32Array(0),
          scores: null,
          typos: null,
        })).best(want, below);
        merged = bestOf([...merged, ...asRanked(top, offset)], want);
        all = [...all, ...fullMerge(lists, offset)];
      }
      expect(merged, `query ${q}`).toEqual(bestOf(all, want));
    }
  });

  it('skips whole ranges of a long list whose impacts there cannot enter, and still finds the best', () => {
    const r = seededRandom(41);
    const docCount = 60_000;
    let visited = 0;
    let matched = 0;
    for (let q = 0; q < 20; q++) {
      // Two long clustered lists: high impacts in a few ranges only.
      const lists = [
        randomList(r, docCount, 20_000, 'clustered'),
        randomList(r, docCount, 20_000, 'clustered'),
      ];
      const best = new PendingUnion(lists, () => ({
        docs: new Uint32Array(0),
        scores: null,
        typos: null,
      })).best(10);
      expect(bestOf(asRanked(best.top), 10)).toEqual(bestOf(fullMerge(lists), 10));
      visited += best.visited;
      matched += best.total;
    }
    // Without skipping, every document of both lists is visited until one turns weak.
    expect(visited).toBeLessThan(matched * 0.2);
  });
});
