import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { docBits, rankOf } from './doc-bits';

describe('docBits', () => {
  it('gives each listed document its index in the list and every other -1, at every bit of a word', () => {
    const r = seededRandom(16);
    for (let q = 0; q < 60; q++) {
      const docCount = 1 + Math.floor(r() * 3000);
      const density = r();
      const docs = Uint32Array.from({ length: docCount }, (_, d) => d).filter(() => r() < density);
      const bits = docBits(docs, docCount);
      const index = new Map(Array.from(docs, (d, i) => [d, i]));
      // Past docCount too: a document beyond the bits is not in the list.
      for (let d = 0; d < docCount + 40; d++) expect(rankOf(bits, d)).toBe(index.get(d) ?? -1);
    }
  });
});
