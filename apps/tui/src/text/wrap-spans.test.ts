import { describe, expect, it } from 'vitest';
import { markSpans, span } from './spans';
import { displayWidth, fit, lineText, truncate, wrapSpans } from './wrap-spans';

const words = 'The quick brown fox jumps over the lazy dog and keeps running far away';

describe('wrapSpans', () => {
  it('never exceeds the width and keeps every word in order', () => {
    for (const width of [5, 10, 17, 40]) {
      const lines = wrapSpans([span(words)], width).map(lineText);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(words.replace(/ /g, ''));
      // Rows wider than the longest word never break inside a word.
      if (width >= 7) expect(lines.join(' ').split(/\s+/)).toEqual(words.split(' '));
    }
  });

  it('keeps styles across breaks and breaks words wider than the row', () => {
    const spans = markSpans('Emmanuel Macron said hello', [{ start: 0, end: 15, style: 'person' }]);
    const lines = wrapSpans(spans, 9);
    expect(lines[0]).toEqual([{ text: 'Emmanuel', style: 'person' }]);
    expect(lines[1]).toEqual([{ text: 'Macron', style: 'person' }]);
    const long = wrapSpans([span('abcdefghijklmnop')], 5).map(lineText);
    expect(long).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  it('counts wide characters as two cells', () => {
    const lines = wrapSpans([span('北京北京北京')], 5).map(lineText);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(5);
    expect(lines.join('')).toBe('北京北京北京');
  });

  it('does not put punctuation after a styled word on its own line needlessly', () => {
    const spans = markSpans('said Macron, then', [{ start: 5, end: 11, style: 'person' }]);
    expect(wrapSpans(spans, 12).map(lineText)).toEqual(['said Macron,', 'then']);
  });
});

describe('truncate and fit', () => {
  it('cuts with an ellipsis and pads to the width', () => {
    expect(truncate('Hello world', 6)).toBe('Hello…');
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abc', 5, 'right')).toBe('  abc');
    expect(displayWidth(fit('北京北京', 5))).toBe(5);
  });
});
