import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSteps, risingFromSteps, storedAsSteps, toSteps } from './stepped-sections';

describe('sections stored as steps', () => {
  it('give back any u32 array exactly, rising or not (steps wrap modulo 2^32)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff })), (xs) => {
        const a = Uint32Array.from(xs);
        expect(fromSteps(toSteps(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('give back rising numbers as they were, and refuse steps that would pass 2^32 (they cannot rise)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff })), (xs) => {
        const rising = Uint32Array.from(xs.sort((x, y) => x - y));
        expect(risingFromSteps(toSteps(rising))).toEqual(rising);
        const sum = xs.reduce((s, x) => s + x, 0);
        expect(risingFromSteps(Uint32Array.from(xs)) === undefined).toBe(sum > 0xffffffff);
      }),
      { numRuns: 300 },
    );
    // A damaged step in rising offsets: the sums wrap modulo 2^32 for fromSteps, never for risingFromSteps.
    expect(risingFromSteps(Uint32Array.from([0, 5, 0xfffffffe, 7]))).toBeUndefined();
  });

  it('make rising offsets small numbers, and are the offset sections and the text ids', () => {
    expect([...toSteps(Uint32Array.from([0, 5, 5, 12]))]).toEqual([0, 5, 0, 7]);
    for (const name of [
      'terms.off',
      'postings.byteOff',
      'textOff',
      'facet.person.values.off',
      'textIds',
      'surfaceTerm',
    ])
      expect(storedAsSteps(name)).toBe(true);
    for (const name of ['postings.bytes', 'entities.val', 'texts.bytes.blocks', 'quoteCounts'])
      expect(storedAsSteps(name)).toBe(false);
  });
});
