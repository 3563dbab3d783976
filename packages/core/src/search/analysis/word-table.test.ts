import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { foldedWords } from './folded-words';
import { WordTable } from './word-table';

const PIECES = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '-',
  "'",
  '.',
  '_',
  ',',
  '\n',
  'é',
  'Ｃ',
  '東京',
  '😀',
  '\u0301',
  'ß',
  'İ',
];

/** Random texts, ASCII only or mixed, from pieces at word boundaries and inside words. */
function texts(ascii: boolean): string[] {
  const random = seededRandom(7);
  const pieces = ascii ? PIECES.filter((p) => /^[\x00-\x7f]$/.test(p)) : PIECES;
  return Array.from({ length: 400 }, () =>
    Array.from(
      { length: Math.floor(random() * 30) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join(''),
  );
}

describe('WordTable.scan (the index builder reads the words the analyser reads)', () => {
  for (const ascii of [true, false])
    it(`finds the words foldedWords finds, in order (${ascii ? 'ASCII' : 'mixed'} texts)`, () => {
      const words: string[] = [];
      const table = new WordTable((_term, word) => words.push(word) - 1);
      for (const text of texts(ascii)) {
        const seen: string[] = [];
        table.scan(text, (id) => seen.push(words[id]!));
        expect(seen, JSON.stringify(text)).toEqual(foldedWords(text));
      }
    });
});

describe('WordTable ids (ASCII text is lowered as it is read, not copied lowered)', () => {
  it('gives a word one id in any case, in ASCII and in mixed texts alike', () => {
    const words: string[] = [];
    const table = new WordTable((_term, word) => words.push(word) - 1);
    const ids: number[] = [];
    for (const text of ['Apple, APPLE; apple', 'café Apple', 'ApPlE CAFÉ', 'Café'])
      table.scan(text, (id) => ids.push(id));
    expect(ids.map((id) => words[id])).toEqual([
      'apple',
      'apple',
      'apple',
      'cafe',
      'apple',
      'apple',
      'cafe',
      'cafe',
    ]);
    expect(words).toEqual(['apple', 'cafe']);
  });
});

describe('WordTable past its first size (its slots are placed again as it grows)', () => {
  it('keeps every word and its id through growth, and adopts only words it lacks', () => {
    const random = seededRandom(11);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    // 100,000 distinct words of 2 to 9 letters: the table starts with room for 32,768, so it grows twice.
    const distinct = new Set<string>();
    while (distinct.size < 100_000) {
      const n = 2 + Math.floor(random() * 8);
      distinct.add(Array.from({ length: n }, () => letters[Math.floor(random() * 26)]).join(''));
    }
    const list = [...distinct];
    const words: string[] = [];
    const table = new WordTable((_term, word) => words.push(word) - 1);
    const first: number[] = [];
    for (let i = 0; i < list.length; i += 50)
      table.scan(list.slice(i, i + 50).join(' '), (id) => first.push(id));
    expect(words).toEqual(list);
    expect(first).toEqual(list.map((_, i) => i));
    // Read again, in capitals: every word is found, none added.
    const again: number[] = [];
    table.scan(list.join(' ').toUpperCase(), (id) => again.push(id));
    expect(again).toEqual(first);
    expect(words.length).toBe(list.length);
    // A known word is not adopted again; a new one is, and is then found by scan.
    table.adopt(list[12_345]!, -7);
    table.adopt('zzzzzzzzzzzz', 123_456);
    const adopted: number[] = [];
    table.scan(`${list[12_345]} zzzzzzzzzzzz`, (id) => adopted.push(id));
    expect(adopted).toEqual([12_345, 123_456]);
    const entries = table.entries();
    expect(entries.length).toBe(list.length + 1);
    expect(entries.at(-1)).toEqual(['zzzzzzzzzzzz', 123_456]);
  });
});

describe('WordTable front (the last short word met in each of a few thousand places)', () => {
  it('tells apart short words that share a place, their first four letters, or all but a last letter', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const three = [...letters].flatMap((x) =>
      [...letters].flatMap((y) => [...letters].map((z) => x + y + z)),
    );
    // 17,576 words of each family: more than the front has places, so many share one.
    const families = [
      three, // 3 letters: they differ in their first four
      three.map((w) => `abcd${w}`), // 7 letters: alike in their first four
      three.map((w) => `${w}${w}`.slice(0, 5)), // 5 letters
      three.slice(0, 100).map((w) => `abcde${w}`), // 8 letters, the longest the front keeps
      three.slice(0, 100).map((w) => `abcde${w}`.slice(0, 6)), // 6 letters: another's first six
      three.slice(0, 100).map((w) => `abcde${w}x`), // 9 letters, never kept there
    ];
    const list = [...new Set(families.flat())];
    const words: string[] = [];
    const table = new WordTable((_term, word) => words.push(word) - 1);
    const first: number[] = [];
    table.scan(list.join(' '), (id) => first.push(id));
    expect(first).toEqual(list.map((_, i) => i));
    // Read again in another order and in capitals: each word is its own, wherever the front holds others.
    const reversed = [...list].reverse();
    const again: number[] = [];
    table.scan(reversed.join(' ').toUpperCase(), (id) => again.push(id));
    expect(again.map((id) => words[id])).toEqual(reversed);
    const twice: number[] = [];
    table.scan(list.join(', '), (id) => twice.push(id));
    expect(twice).toEqual(first);
  });
});
