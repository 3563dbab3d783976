import { describe, expect, it } from 'vitest';
import { permutation, seededRandom } from '../../../test-support/seeded-random';
import { byRank, countEach } from './rank-offsets';

describe('rank offsets', () => {
  it('count items by term id and lay the counts out in rank order', () => {
    const r = seededRandom(21);
    const terms = 500;
    const items = Uint32Array.from({ length: 5000 }, () => Math.floor(r() ** 3 * terms));
    const rank = permutation(terms, r);
    const counts = countEach(items, 4000, terms);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4000);
    const off = byRank(counts, rank);
    // Rank r's items start where the items of every lower rank end.
    const sorted = Array.from(items.subarray(0, 4000), (t) => rank[t]!).sort((a, b) => a - b);
    for (let k = 0; k < terms; k++) {
      expect(off[k], `rank ${k}`).toBe(sorted.filter((x) => x < k).length);
    }
    expect(off[terms]).toBe(4000);
  });
});
