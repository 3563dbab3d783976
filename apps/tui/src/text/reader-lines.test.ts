import { articleSegments } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { hostileArticle, macronArticle } from '../testing/fixture-articles';
import { readerLines } from './reader-lines';
import { segmentSpans } from './segment-spans';
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

  it('marks quotations and names by type, and adds no speaker the paragraph already names', () => {
    const article = macronArticle();
    const { blocks, quotes } = articleSegments(article);
    const spans = segmentSpans(blocks[1]!.segments, quotes);
    const text = spans.map((s) => s.text).join('');
    expect(text).toBe('“We will not accept this,” Emmanuel Macron said in Paris.');
    expect(spans.find((s) => s.style === 'quote')?.text).toBe('“We will not accept this,”');
    expect(spans.find((s) => s.style === 'speaker')).toBeUndefined();
    expect(spans.find((s) => s.style === 'person')?.text).toBe('Emmanuel Macron');
    expect(segmentSpans(blocks[2]!.segments, quotes).find((s) => s.style === 'place')?.text).toBe('Niger');
  });

  it('names the speaker after the closing mark when the paragraph says only "he"', () => {
    const base = macronArticle();
    const text = '“We will not accept this,” he said in Paris.';
    const article = { ...base, body: base.body.map((b, i) => (i === 1 ? { ...b, text } : b)), entities: [] };
    article.quotes = [{ ...base.quotes[0]!, start: 0, end: text.indexOf(' he') }];
    const { blocks, quotes } = articleSegments(article);
    const line = segmentSpans(blocks[1]!.segments, quotes)
      .map((s) => s.text)
      .join('');
    expect(line).toBe('“We will not accept this,” ‹Emmanuel Macron› he said in Paris.');
  });

  it('holds no control character, whatever the article text holds', () => {
    const text = readerLines(hostileArticle(), undefined, 80).map(lineText).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Teaser');
  });
});
