import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { docBits, heldByAll, memberWords, rankOf, rankOfHeld } from './doc-bits';

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

describe('heldByAll', () => {
  it('keeps the places of the documents every filter holds (kept bits or built words), in order', () => {
    const r = seededRandom(17);
    for (let q = 0; q < 60; q++) {
      const docCount = 1 + Math.floor(r() * 5000);
      const list = () => {
        const density = r();
        return Uint32Array.from({ length: docCount }, (_, d) => d).filter(() => r() < density);
      };
      const walked = list();
      const others = Array.from({ length: 1 + Math.floor(r() * 3) }, list);
      // Built words may stop short of a filter's later documents (and of the walked list's: none held there).
      const size = Math.floor(r() * ((docCount >>> 5) + 2));
      const filters = others.map((o, j) => (j % 2 === 0 ? docBits(o, docCount).words : memberWords(o, size)));
      const held = (d: number, j: number) => others[j]!.includes(d) && (j % 2 === 0 || d >>> 5 < size);
      const want = [...walked.keys()].filter((i) => others.every((_, j) => held(walked[i]!, j)));
      expect([...heldByAll(walked, filters)]).toEqual(want);
    }
  });

  it("gives a held document's index by the list's kept bits", () => {
    const r = seededRandom(18);
    const docs = Uint32Array.from({ length: 3000 }, (_, d) => d).filter(() => r() < 0.3);
    const bits = docBits(docs, 3000);
    for (const [i, d] of docs.entries()) expect(rankOfHeld(bits, d)).toBe(i);
  });
});
