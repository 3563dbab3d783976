import { GazetteError } from '../../errors/gazette-error';

/**
 * How deep a search sorted by relevance may page. Its order is the best `offset + limit` matches, with the
 * proximity boost applied within them, so a page of it costs more the deeper it is and cannot be keyed on
 * the last hit's score alone. Every other list pages by key, at any depth.
 */
export const MAX_CURSOR_OFFSET = 10_000;

/**
 * The sort key of the last item a page returned, as plain values (or, for relevance, the offset of the next
 * page). The next page starts at the first item ordered after it: a seek, so every page costs the same.
 */
export type CursorKey = readonly (string | number)[];

const hex = (h: number) => h.toString(16).padStart(8, '0');

/**
 * What a cursor is bound to: the validated parameters of its query, all but the cursor. A cursor only
 * says where in its query's results to go on, so this needs to tell queries apart, not resist forgery:
 * two 32-bit FNV-1a hashes over the UTF-16 code units of the parameters' JSON (from two seeds), made in
 * one pass, cheap enough to make on every search.
 */
export function fingerprint(params: object): string {
  const { cursor: _cursor, ...rest } = params as { cursor?: string };
  const text = JSON.stringify(rest);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return hex(a) + hex(b).slice(0, 4);
}

const NON_ASCII = /[^\x00-\x7f]/;

function toBase64Url(text: string): string {
  // ASCII (a relevance cursor, most date keys) is its own UTF-8: btoa takes it as it is.
  let binary = text;
  if (NON_ASCII.test(text)) {
    binary = '';
    for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  }
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
 * Opaque cursor: the key of the last item returned and a fingerprint of the query it belongs to, so a
 * cursor from one query is refused by another. Stable while the corpus is unchanged.
 */
export function encodeCursor(key: CursorKey, fingerprint: string): string {
  return toBase64Url(JSON.stringify({ k: key, f: fingerprint }));
}

const invalid = (message: string) => new GazetteError('INVALID_CURSOR', message, { where: 'cursor' });

/** Does `key` hold what `shape` says, one letter a value: `s` a string, `n` a whole number ≥ 0? */
function fits(key: unknown, shape: string): key is CursorKey {
  if (!Array.isArray(key) || key.length !== shape.length) return false;
  return key.every((v, i) =>
    shape[i] === 's' ? typeof v === 'string' : typeof v === 'number' && Number.isInteger(v) && v >= 0,
  );
}

/**
 * The key a cursor carries, checked against the query's fingerprint and the key's shape (see `fits`);
 * undefined without a cursor (the first page).
 */
export function decodeCursor(
  cursor: string | undefined,
  fingerprint: string,
  shape: string,
): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid('The cursor is not one Gazette gave out; use `nextCursor` from a previous page.');
  }
  const { k, f } = (parsed ?? {}) as { k?: unknown; f?: unknown };
  if (typeof f !== 'string') throw invalid('The cursor is malformed; use `nextCursor` from a previous page.');
  if (f !== fingerprint)
    throw invalid('The cursor belongs to another query or sort; start again without a cursor.');
  if (!fits(k, shape)) throw invalid('The cursor is malformed; use `nextCursor` from a previous page.');
  return k;
}

/**
 * The first position of a sorted list of `length` items whose key orders after `key` (binary search: the
 * same cost at any depth). `keyAt(i)` is item i's key; `compare` orders keys as the list is sorted.
 */
export function seekAfter(
  length: number,
  keyAt: (i: number) => CursorKey,
  compare: (a: CursorKey, b: CursorKey) => number,
  key: CursorKey | undefined,
): number {
  if (key === undefined) return 0;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(keyAt(mid), key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of a sorted list: the items after the cursor's key, and a cursor keyed on the last of them
 * when more follow.
 */
export function pageByKey<T>(
  all: readonly T[],
  params: { limit: number; cursor?: string | undefined },
  keyOf: (item: T, index: number) => CursorKey,
  compare: (a: CursorKey, b: CursorKey) => number,
  shape: string,
) {
  const paramsFingerprint = fingerprint(params);
  const keyAt = (i: number) => keyOf(all[i]!, i);
  const from = seekAfter(all.length, keyAt, compare, decodeCursor(params.cursor, paramsFingerprint, shape));
  const end = Math.min(all.length, from + params.limit);
  const more = end < all.length && end > from;
  return {
    total: all.length,
    items: all.slice(from, end),
    nextCursor: more ? encodeCursor(keyAt(end - 1), paramsFingerprint) : null,
  };
}

/** The offset a search by relevance resumes at (0 without a cursor); refused past MAX_CURSOR_OFFSET. */
export function relevanceOffset(cursor: string | undefined, fp: string): number {
  const offset = (decodeCursor(cursor, fp, 'n')?.[0] as number | undefined) ?? 0;
  if (offset > MAX_CURSOR_OFFSET)
    throw new GazetteError(
      'INVALID_CURSOR',
      `A search by relevance pages at most ${MAX_CURSOR_OFFSET} results deep; narrow the query, or sort by date.`,
      { where: 'cursor' },
    );
  return offset;
}
