import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test-support/seeded-random';
import { InternTable } from './intern-table';
import { StringColumn } from './string-column';

const encoder = new TextEncoder();
const keepBom = new TextDecoder('utf-8', { ignoreBOM: true });

/** What the table replaces: numbers by first sighting in a Map, keyed by the string's UTF-8 bytes. */
function mapNumbers(strings: readonly string[]): { numbers: number[]; distinct: string[] } {
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const numbers = strings.map((s) => {
    const key = Buffer.from(encoder.encode(s)).toString('latin1');
    let id = ids.get(key);
    if (id === undefined) {
      id = distinct.length;
      ids.set(key, id);
      distinct.push(s);
    }
    return id;
  });
  return { numbers, distinct };
}

function check(strings: readonly string[], capacity?: number): void {
  const table = new InternTable(capacity);
  const numbers = strings.map((s) => {
    const known = table.intern(s, false);
    const id = table.intern(s);
    // Not added, a string is found if and only if it was added before.
    expect(known === -1 ? id === table.length - 1 : known === id).toBe(true);
    return id;
  });
  const want = mapNumbers(strings);
  expect(numbers).toEqual(want.numbers);
  expect(table.length).toBe(want.distinct.length);
  const column = table.column();
  const from = StringColumn.from(want.distinct);
  expect(column.bytes).toEqual(from.bytes);
  expect(column.off).toEqual(from.off);
}

describe('InternTable', () => {
  it('numbers seeded strings by first sighting as a Map does, through many growths from a small table', () => {
    const random = seededRandom(15);
    const letters = 'abcdefghij';
    // 60,000 draws of 19,549 distinct short words: repeats, shared prefixes, and colliding slots.
    const words = Array.from({ length: 60_000 }, () => {
      const n = 1 + Math.floor(random() * 5);
      let w = '';
      for (let i = 0; i < n; i++) w += letters[Math.floor(random() * letters.length)];
      return w;
    });
    check(words, 1);
    check(words);
  });

  it('finds a string by its bytes as by the string, whichever came first (one hash for both ways in)', () => {
    const table = new InternTable(4);
    const words = ['alpha', 'Beta gamma', '', 'café', 'x'.repeat(300), 'zeta'];
    const byBytes = (s: string) => {
      const bytes = encoder.encode(`..${s}.`);
      return table.internBytes(bytes, 2, bytes.length - 1);
    };
    const first = words.map((s, i) => (i % 2 ? byBytes(s) : table.intern(s)));
    expect(first).toEqual([0, 1, 2, 3, 4, 5]);
    expect(words.map((s, i) => (i % 2 ? table.intern(s) : byBytes(s)))).toEqual(first);
    expect(table.length).toBe(words.length);
  });

  it('tells apart strings whose slots collide in a small table, and the empty string', () => {
    // 16 slots: every string lands in one of them, so most probes pass other strings first.
    const strings = ['', 'a', 'b', '', 'ab', 'ba', 'a', 'abc', 'cba', 'b', 'x'.repeat(300), 'x'.repeat(299)];
    check(strings, 1);
  });

  it('keys non-ASCII strings by their UTF-8 bytes, as a string column stores them (lone surrogates as U+FFFD)', () => {
    check(['é', 'e', '€uro', '\ud83d\ude00', 'é', '\ud800', '\udc00', '\ud800x', '日本', '日本語', '日本']);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), (strings) => {
        check([...strings, ...strings.slice(0, 20)], 1);
      }),
      { numRuns: 100 },
    );
  });

  it('gives every string back (strings()), a leading BOM, astral ones and bytes not UTF-8 too', () => {
    /** Each string decoded on its own, a BOM kept (at() drops one, as StringColumn.at does). */
    const decoded = (table: InternTable) =>
      Array.from({ length: table.length }, (_, i) => {
        const { bytes, off } = table.slice(i, i + 1);
        return keepBom.decode(bytes.subarray(off[0], off[1]));
      });
    const table = new InternTable(1);
    const strings = ['\ufeffbom', 'abc', '', 'é', '\ud83d\ude00x', '日本', '\ud800', 'z', '\ufeff'];
    for (const s of strings) table.intern(s);
    expect(table.strings()).toEqual(strings.map((s) => (s === '\ud800' ? '\ufffd' : s)));
    const ascii = new InternTable(1);
    for (const s of ['x', 'yy', '', 'zzz']) ascii.intern(s);
    expect(ascii.strings()).toEqual(['x', 'yy', '', 'zzz']);
    // Bytes that are not UTF-8, split between two strings: each decoded on its own, not across the cut.
    const bad = new InternTable(1);
    bad.internBytes(new Uint8Array([0x61, 0xe0, 0xa0]), 0, 3);
    bad.internBytes(new Uint8Array([0x80, 0x41]), 0, 2);
    expect(bad.strings()).toEqual(decoded(bad));
    expect(bad.strings()).toEqual(['a\ufffd', '\ufffdA']);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 40 }), (all) => {
        const t = new InternTable(1);
        for (const s of all) t.intern(s);
        expect(t.strings()).toEqual(mapNumbers(all).distinct.map((s) => keepBom.decode(encoder.encode(s))));
      }),
      { numRuns: 100 },
    );
  });
});
