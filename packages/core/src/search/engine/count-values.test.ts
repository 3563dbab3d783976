import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { StringColumn } from '../../binary/string-column';
import { isDense, valueRuns } from '../index/dense-column';
import type { FacetColumn } from '../index/search-index';
import { countValues } from './count-values';

/** A facet column from each document's values. */
function columnOf(perDoc: number[][], values: number): FacetColumn {
  const off = new Uint32Array(perDoc.length + 1);
  const val: number[] = [];
  perDoc.forEach((vs, d) => {
    val.push(...vs);
    off[d + 1] = val.length;
  });
  return {
    values: StringColumn.from(Array.from({ length: values }, (_, v) => `v${v}`)),
    off,
    val: Uint32Array.from(val),
  };
}

/** Documents per value over the first n docs, counted one by one. */
function reference(perDoc: number[][], docs: Uint32Array, n: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of docs.subarray(0, n)) for (const v of perDoc[d]!) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

const r = seededRandom(5);
const N = 2000;
/** Shapes a column takes: each read a different way (runs, one value a document, several). */
const SHAPES: Record<string, (d: number) => number[]> = {
  // Months: long runs, the last documents without one.
  months: (d) => (d >= N - 37 ? [] : [Math.floor(d / 150)]),
  sections: () => [Math.floor(r() * 5)],
  tags: () => Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * 30)),
};

describe('countValues', () => {
  it('counts each column shape as one document at a time does, over any prefix of the documents', () => {
    for (const [shape, valuesOf] of Object.entries(SHAPES)) {
      const perDoc = Array.from({ length: N }, (_, d) => valuesOf(d));
      const column = columnOf(perDoc, 40);
      expect([isDense(column), valueRuns(column) !== undefined], shape).toEqual(
        shape === 'months' ? [false, true] : shape === 'sections' ? [true, false] : [false, false],
      );
      for (const share of [0.002, 0.05, 0.5, 1]) {
        const docs = Uint32Array.from(
          Array.from({ length: N }, (_, d) => d).filter(() => share === 1 || r() < share),
        );
        for (const n of [0, 1, docs.length >> 1, docs.length]) {
          const { counts, top } = countValues(column, docs, n);
          const want = reference(perDoc, docs, n);
          expect(new Map(top.map((v) => [v, counts[v]!])), `${shape} ${share} ${n}`).toEqual(want);
          // Values met in order of first sighting, each once.
          expect(top, `${shape} ${share} ${n}`).toEqual([...want.keys()]);
        }
      }
    }
  });

  it('takes runs only where they are long, and a column of one value a document as dense', () => {
    const alternating = columnOf(
      Array.from({ length: 640 }, (_, d) => [d % 2]),
      2,
    );
    expect(isDense(alternating)).toBe(true);
    expect(valueRuns(alternating)).toBeUndefined();
    const twoRuns = columnOf(
      Array.from({ length: 640 }, (_, d) => [d < 300 ? 1 : 0]),
      2,
    );
    expect(valueRuns(twoRuns)).toEqual({
      starts: Uint32Array.from([0, 300, 640]),
      vals: Uint32Array.from([1, 0]),
    });
    expect(valueRuns(columnOf([[0, 1], [0]], 2))).toBeUndefined();
  });
});
