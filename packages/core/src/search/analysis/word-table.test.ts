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
