import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { READ_CACHE_CONTROL } from '../limits';
import { etagOf, matchesIfNoneMatch } from './etag';

/** Answers a read: the body with an ETag and Cache-Control, or 304 when the client's copy is current. */
export function readResponse(c: Context, body: string, contentType: string, etag = etagOf(body)): Response {
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag))
    return c.body(null, 304, { etag, 'cache-control': READ_CACHE_CONTROL });
  return c.body(body, 200, { etag, 'cache-control': READ_CACHE_CONTROL, 'content-type': contentType });
}

/** A JSON read, typed as `c.json` would be so the typed client knows the shape. */
export function readJson<T>(c: Context, data: T): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  return readResponse(c, JSON.stringify(data), 'application/json') as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>;
}

// Serialised forms of objects that never change while served (a corpus's articles): stringified once.
const serialised = new WeakMap<object, { body: string; etag: string }>();

/** `readJson` for an immutable object, serialised on first use and kept for as long as the object lives. */
export function readJsonOf<T extends object>(
  c: Context,
  data: T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  let entry = serialised.get(data);
  if (entry === undefined) {
    const body = JSON.stringify(data);
    entry = { body, etag: etagOf(body) };
    serialised.set(data, entry);
  }
  return readResponse(c, entry.body, 'application/json', entry.etag) as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>;
}
