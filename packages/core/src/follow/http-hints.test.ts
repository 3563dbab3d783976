import { describe, expect, it } from 'vitest';
import { maxAgeSeconds, retryAfterSeconds } from './http-hints';

describe('scheduling hints in response headers', () => {
  it('reads Cache-Control max-age, and nothing when the answer must not be kept', () => {
    expect(maxAgeSeconds('public, max-age=600')).toBe(600);
    expect(maxAgeSeconds('max-age="90", must-revalidate')).toBe(90);
    expect(maxAgeSeconds('s-maxage=10')).toBeUndefined();
    expect(maxAgeSeconds('no-cache, max-age=600')).toBeUndefined();
    expect(maxAgeSeconds(undefined)).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = '2026-03-01T00:00:00.000Z';
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sun, 01 Mar 2026 01:00:00 GMT', now)).toBe(3600);
    expect(retryAfterSeconds('Sat, 28 Feb 2026 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });
});
