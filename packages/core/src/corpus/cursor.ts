import { GazetteError } from '../errors/gazette-error';

/** The deepest a cursor may page: beyond this, narrow the query instead. */
export const MAX_CURSOR_OFFSET = 10_000;

/** FNV-1a over the UTF-16 code units of text, from a seed: 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * What a cursor is bound to: the validated parameters of its query, all but the cursor. A cursor only
 * says how far into its query's results to go, so this needs to tell queries apart, not resist forgery:
 * two 32-bit FNV-1a hashes, cheap enough to make on every search.
 */
export function fingerprint(params: object): string {
  const { cursor: _cursor, ...rest } = params as { cursor?: string };
  const text = JSON.stringify(rest);
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f)).slice(0, 4);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/={1,2}$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * Opaque cursor: the offset of the next page and a fingerprint of the query it belongs to, so a
 * cursor from one query is refused by another. Stable while the corpus is unchanged.
 */
export function encodeCursor(offset: number, fingerprint: string): string {
  return toBase64Url(JSON.stringify({ o: offset, f: fingerprint }));
}

export function decodeCursor(cursor: string | undefined, fingerprint: string): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new GazetteError(
      'INVALID_CURSOR',
      'The cursor is not one Gazette gave out; use `nextCursor` from a previous page.',
      { where: 'cursor' },
    );
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof f !== 'string') {
    throw new GazetteError(
      'INVALID_CURSOR',
      'The cursor is malformed; use `nextCursor` from a previous page.',
      { where: 'cursor' },
    );
  }
  if (f !== fingerprint) {
    throw new GazetteError(
      'INVALID_CURSOR',
      'The cursor belongs to another query or sort; start again without a cursor.',
      { where: 'cursor' },
    );
  }
  if (o > MAX_CURSOR_OFFSET) {
    throw new GazetteError(
      'INVALID_CURSOR',
      `The cursor pages deeper than ${MAX_CURSOR_OFFSET} results; narrow the query instead.`,
      { where: 'cursor' },
    );
  }
  return o;
}
