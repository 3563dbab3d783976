import { describe, expect, it } from 'vitest';
import { hostileArticle, macronArticle } from '../testing/fixture-articles';
import { blockSpans, readerLines } from './reader-lines';
import { displayWidth, lineText } from './wrap-spans';

describe('readerLines', () => {
  it('wraps the article to the width, title first and related stories at the end', () => {
    for (const width of [30, 60, 99]) {
      const lines = readerLines(macronArticle(), { items: [] }, width).map(lineText);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(lines[0]).toContain('Macron');
      expect(lines.join(' ')).toContain('Officials in');
    }
  });

  it('marks quotations with their speaker after the closing mark, and names by type', () => {
    const spans = blockSpans(macronArticle(), 1);
    const text = spans.map((s) => s.text).join('');
    expect(text).toBe('“We will not accept this,” ‹Emmanuel Macron› Emmanuel Macron said in Paris.');
    expect(spans.find((s) => s.style === 'quote')?.text).toBe('“We will not accept this,”');
    expect(spans.find((s) => s.style === 'speaker')?.text).toBe('Emmanuel Macron');
    expect(spans.find((s) => s.style === 'person')?.text).toBe('Emmanuel Macron');
    expect(blockSpans(macronArticle(), 2).find((s) => s.style === 'place')?.text).toBe('Niger');
  });

  it('holds no control character, whatever the article text holds', () => {
    const text = readerLines(hostileArticle(), undefined, 80).map(lineText).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Teaser');
  });
});
