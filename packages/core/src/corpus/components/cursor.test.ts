import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';

/** FNV-1a over UTF-16 code units, one hash a pass: what fingerprints have been since cursors were given out. */
function fnv1a(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

describe('search and list cursors', () => {
  it('keep the fingerprint a cursor given out before holds (two FNV-1a hashes of the parameters but the cursor)', () => {
    for (const params of [
      { q: 'election', limit: 10, sort: 'relevance' },
      { q: 'Zürich café 東京', limit: 3, cursor: 'abc', filters: { section: 'Wörld' } },
      {},
    ]) {
      const { cursor: _c, ...rest } = params as { cursor?: string };
      const text = JSON.stringify(rest);
      const hex = (h: number) => h.toString(16).padStart(8, '0');
      expect(fingerprint(params)).toBe(
        hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f)).slice(0, 4),
      );
    }
  });

  it('carry any key back as it was, ASCII or not', () => {
    for (const key of [[10], [9999], ['2024-01-01T00:00:00Z', 'a_1'], ['Zürich', 3], ['東京 🙂', 'x']]) {
      const fp = fingerprint({ q: String(key[0]) });
      const cursor = encodeCursor(key, fp);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, fp, key.map((v) => (typeof v === 'string' ? 's' : 'n')).join(''))).toEqual(
        key,
      );
    }
  });
});
