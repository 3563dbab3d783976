import { describe, expect, it } from 'vitest';
import { analyze, tokensWithOffsets } from './analyze';
import { fold } from './fold';
import { porterStem } from './porter-stemmer';

describe('text analysis', () => {
  it('folds case, diacritics and compatibility forms', () => {
    expect(fold('Ｃafé ÉLYSÉE')).toBe('cafe elysee');
    expect(analyze('Café')).toEqual(analyze('cafe'));
  });

  it('stems English and drops stop words (keeping their positions)', () => {
    expect(['running', 'economies', 'relational', 'governments'].map(porterStem)).toEqual([
      'run',
      'economi',
      'relat',
      'govern',
    ]);
    expect(analyze('The governments of the world')).toEqual(['', 'govern', '', '', 'world']);
  });

  it('segments unspaced scripts into words', () => {
    const ja = analyze('東京都に住んでいます');
    expect(ja.length).toBeGreaterThan(1);
    expect(ja).toContain('東京');
    expect(analyze('北京大学的学生').length).toBeGreaterThan(1);
  });

  it('gives UTF-16 offsets into the original text', () => {
    const text = 'Élysée Palace: “Prices” rose';
    const toks = tokensWithOffsets(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Élysée', 'Palace', 'Prices', 'rose']);
    expect(toks[2]!.term).toBe('price');
  });
});
