import { describe, expect, it } from 'vitest';
import { prefixLastWord } from '../analysis/as-you-type';
import { queryHighlights } from './query-highlights';

const marked = (text: string, q: string) => queryHighlights(text, q).map((h) => text.slice(h.start, h.end));

describe('queryHighlights: the words of a text a query asks for, by the core word rule', () => {
  it('marks stems, folded accents, whole words of a prefix and words of unspaced scripts', () => {
    expect(marked('Elections in Tōkyō as Macron visits', 'election tokyo mac*')).toEqual([
      'Elections',
      'Tōkyō',
      'Macron',
    ]);
    expect(marked('東京の経済ニュース', '経済')).toEqual(['経済']);
  });

  it('leaves negated words and stop words unmarked', () => {
    expect(marked('The junta and the coup', 'junta -coup the')).toEqual(['junta']);
  });
});

describe('prefixLastWord: search as you type', () => {
  it('reads the word being typed as a prefix, and nothing else', () => {
    expect(prefixLastWord('mac')).toBe('mac*');
    expect(prefixLastWord('niger ju')).toBe('niger ju*');
    expect(prefixLastWord('section:wor')).toBe('section:wor*');
    for (const q of ['mac ', 'mac*', '"french tro', '"french troops"', 'niger OR', 'after:2023-0', 'x -', ''])
      expect(prefixLastWord(q)).toBe(q);
  });
});
