import { describe, expect, it } from 'vitest';
import { safeJsonLd } from './json-ld';

describe('safeJsonLd', () => {
  it('never lets text close the script element, and still parses to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const out = safeJsonLd(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
