import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSteps, storedAsSteps, toSteps } from './stepped-sections';

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

  it('make rising offsets small numbers, and are the offset sections and the text ids', () => {
    expect([...toSteps(Uint32Array.from([0, 5, 5, 12]))]).toEqual([0, 5, 0, 7]);
    for (const name of ['terms.off', 'postings.byteOff', 'textOff', 'facet.person.values.off', 'textIds'])
      expect(storedAsSteps(name)).toBe(true);
    for (const name of ['postings.bytes', 'entities.val', 'texts.bytes.blocks', 'quoteCounts'])
      expect(storedAsSteps(name)).toBe(false);
  });
});
