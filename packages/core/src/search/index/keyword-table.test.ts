import { describe, expect, it } from 'vitest';
import { keywordTerms } from '../analysis/keyword-terms';
import { KeywordTable } from './keyword-table';
import { FIELD_KEY } from './search-index';
import { TermDictionary } from './term-dictionary';

// Keyword texts with stop words, case and diacritics, a word past the term length, digits, CJK and
// repeats across keys: the index must name exactly the terms the lookups (keywordTerms) ask for.
const TEXTS = [
  'The Who',
  'Bank of England',
  'Café Müller',
  'CAFE muller',
  'Ｃafé',
  'running runners ran',
  `Long ${'x'.repeat(80)} word`,
  '2024 election: 3.5% swing',
  '東京大学の研究',
  "O'Brien-Smith",
  '',
  '   ',
  'the',
];

describe('KeywordTable (keyword terms of the index build)', () => {
  it('gives the term ids of exactly the keys keywordTerms names, for every key and text, repeated or not', () => {
    const terms = new TermDictionary();
    const table = new KeywordTable(terms);
    for (const round of [1, 2])
      for (const key of [FIELD_KEY.speaker, FIELD_KEY.entity, FIELD_KEY.tag])
        for (const text of TEXTS) {
          const ids = table.of(key, text);
          expect(
            ids.map((t) => terms.name(t)),
            `${key} ${text} (round ${round})`,
          ).toEqual(keywordTerms(key, text));
        }
  });

  it('adds only keyword terms to the dictionary: no plain word terms from keyword texts', () => {
    const terms = new TermDictionary();
    const table = new KeywordTable(terms);
    for (const text of TEXTS) table.of(FIELD_KEY.tag, text);
    const expected = new Set(TEXTS.flatMap((text) => keywordTerms(FIELD_KEY.tag, text)));
    expect(new Set(terms.names())).toEqual(expected);
  });
});
