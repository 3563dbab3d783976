import { describe, expect, it } from 'vitest';
import { splitSentences } from './tokenize';

const words = (text: string) => splitSentences(text).map((s) => s.tokens.map((t) => t.text).join(' '));

describe('splitSentences', () => {
  it('keeps an initial with its period and the name it opens in one sentence ("P. Simmons")', () => {
    expect(words('P. Simmons c Lewis b Mullally 12')).toEqual(['P. Simmons c Lewis b Mullally 12']);
    expect(words('George W. Bush said so. Then he left.')).toEqual([
      'George W. Bush said so .',
      'Then he left .',
    ]);
  });

  it('still ends a sentence at a full stop after a word, and keeps "U.S." whole', () => {
    expect(words('U.S. forces left Niger. Then more came.')).toEqual([
      'U.S. forces left Niger .',
      'Then more came .',
    ]);
  });

  it('ends a sentence at a line break: a headline or dateline is not read with the next line', () => {
    expect(words('CRICKET - LEICESTERSHIRE WIN\nLONDON 1996-08-30\nPhil Simmons took four .')).toEqual([
      'CRICKET - LEICESTERSHIRE WIN',
      'LONDON 1996-08-30',
      'Phil Simmons took four .',
    ]);
    const offsets = splitSentences('A b\nC d.').map((s) => [s.start, s.end]);
    expect(offsets).toEqual([
      [0, 3],
      [4, 8],
    ]);
  });
});
