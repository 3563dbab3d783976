import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { compareCodePoints } from '../../binary/string-column';
import { TermDictionary } from './term-dictionary';

/** Seeded terms over an alphabet: ASCII, accented letters, CJK, and (if `wide`) astral and U+FFxx ones. */
function terms(count: number, wide: boolean): string[] {
  const random = seededRandom(21);
  const alphabet = [
    'a',
    'b',
    'z',
    '0',
    'é',
    'ß',
    'ж',
    '東',
    ...(wide ? ['𝔸', '😀', '\uff21', '\ue000'] : []),
  ];
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 4) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join(''),
  );
}

describe('TermDictionary.sorted', () => {
  for (const wide of [false, true])
    it(`gives the terms in code point order and each id's rank (${wide ? 'with' : 'without'} astral and U+E000..U+FFFF terms)`, () => {
      const dict = new TermDictionary();
      for (const t of terms(3000, wide)) dict.idOf(t);
      const { sorted, rank } = dict.sorted();
      const expected = [...dict.names].sort(compareCodePoints);
      expect(sorted).toEqual(expected);
      dict.names.forEach((t, id) => expect(sorted[rank[id]!]).toBe(t));
      if (wide)
        expect(expected.findIndex((t) => t.startsWith('\uff21'))).toBeLessThan(
          expected.findIndex((t) => t.startsWith('😀')),
        );
    });
});
