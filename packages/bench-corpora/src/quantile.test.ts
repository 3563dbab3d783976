import { describe, expect, it } from 'vitest';
import { seededRandom } from './generate-corpus';
import { quantile } from './quantile';

describe('quantile', () => {
  it('gives the value of nearest rank floor(q * n) in ascending order, whatever the input order', () => {
    const r = seededRandom(5);
    for (let n = 1; n < 60; n++) {
      const xs = Array.from({ length: n }, () => Math.floor(r() * 1000) - 500);
      const sorted = [...xs].sort((a, b) => a - b);
      for (const q of [0, 0.5, 0.95, 0.99]) expect(quantile(xs, q)).toBe(sorted[Math.floor(q * n)]);
      expect(quantile(xs, 1)).toBe(sorted[n - 1]);
    }
  });

  it('leaves its input unsorted, and gives NaN for no values', () => {
    const xs = [3, 1, 2];
    expect(quantile(Float64Array.from(xs), 0.5)).toBe(2);
    expect(xs).toEqual([3, 1, 2]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
