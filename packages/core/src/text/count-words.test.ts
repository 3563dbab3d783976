import { describe, expect, it } from 'vitest';
import { countWords, hasWords } from './count-words';
import { MIN_STATEMENT_WORDS, readsAsStatement } from './statement';

const TEXTS = [
  '',
  'Hostage.',
  'I think it is highly insulting if prize money is taken away.',
  "He definitely didn't say it.",
  'one two three four five',
  'one two three four five six',
  '3.5 per cent, said the U.K. office',
  '東京大学の研究者が発表した',
  '— … !!',
];

describe('hasWords (the statement rule reads no further than it needs)', () => {
  it('agrees with countWords at every threshold', () => {
    for (const text of TEXTS)
      for (let min = 0; min <= 12; min++)
        expect(hasWords(text, min), `${text} ${min}`).toBe(countWords(text) >= min);
  });

  it('agrees with countWords on texts of words, digits, punctuation and white space mixed', () => {
    // Seeded: the fast path counts runs between white space; the segmenter must never see fewer words.
    const pieces = "a B 7 ' . , - _ : é 東 — 3.5 don't".split(' ').concat([' ', '  ', '\n', '\t']);
    let seed = 1;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let j = next() % 24; j > 0; j--) text += pieces[next() % pieces.length];
      const words = countWords(text);
      for (const min of [1, 2, 3, 6]) expect(hasWords(text, min), JSON.stringify(text)).toBe(words >= min);
    }
  });

  it('keeps readsAsStatement as countWords defines it', () => {
    for (const text of TEXTS)
      for (const partial of [false, true])
        expect(readsAsStatement({ text, partial })).toBe(!partial && countWords(text) >= MIN_STATEMENT_WORDS);
  });
});
