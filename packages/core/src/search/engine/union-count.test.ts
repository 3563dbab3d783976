import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { docBits } from '../index/doc-bits';
import { type CountedList, unionCount } from './union-count';

/** Ascending documents below n, each kept with probability p. */
function list(r: () => number, n: number, p: number): Uint32Array {
  const out: number[] = [];
  for (let d = 0; d < n; d++) if (r() < p) out.push(d);
  return Uint32Array.from(out);
}

describe('unionCount', () => {
  it('counts the documents of 1 to 4 lists, dense (bits) and sparse mixed, as a set of them does', () => {
    const r = seededRandom(5);
    for (let q = 0; q < 200; q++) {
      // Sizes that are not a multiple of 32, so a list's last word is partly outside the index.
      const n = 1 + Math.floor(r() * 3000);
      const lists: CountedList[] = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const docs = list(r, n, [0, 0.001, 0.05, 0.5, 1][Math.floor(r() * 5)]!);
        return r() < 0.5 ? { docs, bits: docBits(docs, n) } : { docs };
      });
      const expected = new Set(lists.flatMap((l) => [...l.docs])).size;
      expect(unionCount(lists), `query ${q}`).toBe(expected);
    }
  });

  it('leaves nothing behind between counts (a large count, then a small one)', () => {
    const all = Uint32Array.from({ length: 5000 }, (_, i) => i);
    expect(unionCount([{ docs: all, bits: docBits(all, 5000) }, { docs: all }])).toBe(5000);
    expect(unionCount([{ docs: Uint32Array.of(3, 4000) }, { docs: Uint32Array.of(4000) }])).toBe(2);
    expect(unionCount([{ docs: new Uint32Array(0) }, { docs: new Uint32Array(0) }])).toBe(0);
  });
});
