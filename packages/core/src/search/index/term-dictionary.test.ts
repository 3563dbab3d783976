import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { compareCodePoints } from '../../binary/string-column';
import { fixture } from '../../../test-support/test-articles';
import { buildIndex } from './build-index';
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
      const { column, rank } = dict.sorted();
      const sorted = Array.from({ length: column.length }, (_, i) => column.at(i));
      const expected = dict.names().sort(compareCodePoints);
      expect(sorted).toEqual(expected);
      for (const [id, t] of dict.names().entries()) expect(sorted[rank[id]!]).toBe(t);
      if (wide)
        expect(expected.findIndex((t) => t.startsWith('\uff21'))).toBeLessThan(
          expected.findIndex((t) => t.startsWith('😀')),
        );
    });

  it('sorts bytes that are not UTF-8 as their decoded strings, each bad sequence a U+FFFD', () => {
    const dict = new TermDictionary();
    for (const t of ['b', 'a\ufffdz', 'c']) dict.idOf(t);
    const id = dict.idOfBytes(new Uint8Array([0x61, 0xff]), 0, 2); // "a", then a byte no UTF-8 holds
    const { column, rank } = dict.sorted();
    expect(Array.from({ length: column.length }, (_, i) => column.at(i))).toEqual([
      'a\ufffd',
      'a\ufffdz',
      'b',
      'c',
    ]);
    expect(rank[id]).toBe(0);
  });
});

describe('TermDictionary ids', () => {
  it('numbers terms as a Map would (non-ASCII and astral ones too), names each back, and finds each by its bytes', () => {
    const dict = new TermDictionary();
    const oracle = new Map<string, number>();
    const all = [...terms(2000, true), ...terms(500, false), '', 'a'.repeat(300)];
    for (const t of all) {
      if (!oracle.has(t)) oracle.set(t, oracle.size);
      expect(dict.idOf(t)).toBe(oracle.get(t));
    }
    expect(dict.length).toBe(oracle.size);
    expect(dict.names()).toEqual([...oracle.keys()]);
    for (const [t, id] of oracle) expect(dict.name(id)).toBe(t);
    // A column of its terms, read into another dictionary by bytes (as a part is appended): the same ids,
    // and those of terms already there kept.
    const { bytes, off } = dict.column();
    const other = new TermDictionary();
    other.idOf('zzz-first');
    const ids = Array.from({ length: off.length - 1 }, (_, t) =>
      other.idOfBytes(bytes, off[t]!, off[t + 1]!),
    );
    expect(ids.map((id) => other.name(id))).toEqual(dict.names());
    expect(other.idOf('zzz-first')).toBe(0);
  });
});

describe('a built index', () => {
  // A CJK extension B character is a word written as a surrogate pair; U+FF21 folds to "a" (NFKC), so
  // the only wide terms are astral ones.
  const bodies = (wide: boolean) => [
    'election results in zebra town',
    `Müller wrote about the café ${wide ? '𠀀𠀁 and 𠀂' : 'and tea'}`,
  ];
  for (const wide of [false, true])
    it(`holds its dictionary in code point order, which term lookups search (${wide ? 'with' : 'without'} astral terms)`, () => {
      const articles = bodies(wide).map((text, i) =>
        fixture({
          title: `Story ${i}`,
          body: [text],
          entities: [{ id: `person:p${i}`, name: `Ann ${text.slice(0, 5)}`, type: 'person' }],
        }),
      );
      const ix = buildIndex(articles);
      const terms = Array.from({ length: ix.terms.length }, (_, i) => ix.terms.at(i));
      expect(terms).toEqual([...terms].sort(compareCodePoints));
      expect(terms.some((t) => /[\ud800-\udfff]/.test(t))).toBe(wide);
      for (const t of terms) expect(ix.terms.find(t), t).toBe(terms.indexOf(t));
    });
});
