// Quote spans and speakers in the shapes that the hand-annotated BBC sample (bench/enrich/quotes) showed
// Gazette getting wrong; every text here is written for the test.
import { describe, expect, it } from 'vitest';
import { parseText } from '../formats/text/parse-text';

const quotesOf = (text: string) => parseText(text).quotes.map((q) => ({ text: q.text, speaker: q.speaker }));

describe('quotation spans across a lost or kept paragraph break', () => {
  it('runs a straight quotation on into the next paragraph that reopens it, never reading the writer as quoted', () => {
    const quotes = quotesOf(
      'Tom Hale said the rules were clear. "We will keep the line.\n"Nobody is above it, " he said. Then Hale left the room.',
    );
    expect(quotes).toEqual([{ text: 'We will keep the line. Nobody is above it', speaker: 'Tom Hale' }]);
  });

  it('runs a quotation on into a paragraph that opens with its closing mark (the break fell inside it)', () => {
    const quotes = quotesOf(
      'Traders were surprised. "People will be scratching their heads over this one.\nThe brewer has done a back-flip", said Ann Burns, a fund manager at Delta Asset Management. Shares rose.',
    );
    expect(quotes).toEqual([
      {
        text: 'People will be scratching their heads over this one. The brewer has done a back-flip',
        speaker: 'Ann Burns',
      },
    ]);
  });
});
