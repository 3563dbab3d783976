import { describe, expect, it } from 'vitest';
import { mergeRanked } from './merged-page';
import { seededRandom as random } from '../../../test-support/seeded-random';

describe('mergeRanked', () => {
  // Ties in score (common: impacts are bytes) are broken by the second key, as segments' documents are.
  const rank = (x: [number, number], y: [number, number]) => y[0] - x[0] || x[1] - y[1];

  it('keeps the best `want` of two ranked lists, in the order sorting both would give', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const make = (n: number, id0: number) =>
        Array.from({ length: n }, (_, i) => [Math.floor(next() * 5), id0 + i] as [number, number]).sort(rank);
      const a = make(Math.floor(next() * 15), 0);
      const b = make(Math.floor(next() * 15), 100);
      const want = 1 + Math.floor(next() * 12);
      expect(mergeRanked(a, b, want, rank)).toEqual([...a, ...b].sort(rank).slice(0, want));
    }
  });

  it('returns no more than `want` when the first list is empty', () => {
    expect(mergeRanked([], [[3, 1] as [number, number], [2, 2]], 1, rank)).toEqual([[3, 1]]);
  });
});
