/**
 * A strong validator for a response body: two FNV-1a 32-bit hashes (different offsets) and the length.
 * Not cryptographic: it only has to change when the body changes, and it is cheap enough for every read.
 */
export function etagOf(body: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `"${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}-${body.length.toString(36)}"`;
}

/** RFC 9110 If-None-Match: weak comparison, a list of tags, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
