import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityVariants } from './entity-variants';
import type { IndexedEntity } from './indexed-article';

const entity = (name: string, type: IndexedEntity['type'], aliases: string[]): IndexedEntity => ({
  id: 'x',
  name,
  type,
  aliases,
  mentions: { length: 1 },
});

/** Finds each entity's variant, adding it when new; the numbers given, beside a Map's. */
function numbers(refs: ReadonlyArray<[number, IndexedEntity]>) {
  const variants = new EntityVariants();
  const oracle = new Map<string, number>();
  const got: number[] = [];
  const expected: number[] = [];
  for (const [value, e] of refs) {
    const key = JSON.stringify([value, e.name, e.type, e.aliases]);
    if (!oracle.has(key)) oracle.set(key, oracle.size);
    expected.push(oracle.get(key)!);
    const v = variants.find(value, e);
    got.push(v >= 0 ? v : variants.add(value));
  }
  return { got, expected, variants };
}

describe('EntityVariants', () => {
  it('numbers variants as a Map keyed by value, name, type and aliases would (any strings)', () => {
    // Few characters, so that strings and their splits between fields repeat; lone surrogates included.
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '\u0000', '\ud83d', '\ude00', 'é'),
      maxLength: 4,
    });
    const ref = fc.tuple(
      fc.nat(3),
      fc.record({
        name: text,
        type: fc.constantFrom('person', 'place'),
        aliases: fc.array(text, { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 60 }), (refs) => {
        const { got, expected } = numbers(refs.map(([v, e]) => [v, entity(e.name, e.type, e.aliases)]));
        expect(got).toEqual(expected);
      }),
    );
  });

  it('tells apart variants whose strings join alike', () => {
    const refs: Array<[number, IndexedEntity]> = [
      [0, entity('ab', 'person', [])],
      [0, entity('a', 'person', ['b'])],
      [0, entity('a', 'person', ['', 'b'])],
      [0, entity('a', 'person', ['b', ''])],
      [1, entity('ab', 'person', [])],
      [0, entity('a', 'person', ['b'])],
    ];
    const { got, variants } = numbers(refs);
    expect(got).toEqual([0, 1, 2, 3, 4, 1]);
    expect([variants.count(0), variants.count(1), variants.length]).toEqual([4, 1, 5]);
  });

  it('holds a string longer than 65,535 code units', () => {
    const long = 'n'.repeat(70_000);
    const { got } = numbers([
      [0, entity(long, 'person', [])],
      [0, entity(`${long}n`, 'person', [])],
      [0, entity(long, 'person', [])],
    ]);
    expect(got).toEqual([0, 1, 0]);
  });
});
