import { describe, expect, it } from 'vitest';
import { etagOf, matchesIfNoneMatch } from './etag';

describe('etagOf', () => {
  it('is a quoted strong tag that changes when the body does and not otherwise', () => {
    const a = etagOf('{"a":1}');
    expect(a).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    expect(etagOf('{"a":1}')).toBe(a);
    expect(etagOf('{"a":2}')).not.toBe(a);
    expect(etagOf('{"a":1} ')).not.toBe(a);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = etagOf('body');
  it('compares weakly, in lists, and honours *', () => {
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});
