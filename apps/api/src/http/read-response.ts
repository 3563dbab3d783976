import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { READ_CACHE_CONTROL } from '../limits';
import { etagOf, matchesIfNoneMatch } from './etag';
import type { CachedRead, ReadCache } from './read-cache';

/**
 * Answers a read: the body with an ETag and Cache-Control (the app's read cache says which: a live corpus's
 * answers must be revalidated), or 304 when the client's copy is current.
 */
export function readResponse(
  c: Context,
  body: string,
  contentType: string,
  etag?: string,
  cacheControl?: string,
): Response;
export function readResponse(
  c: Context,
  body: Uint8Array<ArrayBuffer>,
  contentType: string,
  etag: string,
  cacheControl?: string,
): Response;
export function readResponse(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
  contentType: string,
  etag = etagOf(body as string),
  cacheControl = READ_CACHE_CONTROL,
): Response {
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag))
    return c.body(null, 304, { etag, 'cache-control': cacheControl });
  return c.body(body, 200, { etag, 'cache-control': cacheControl, 'content-type': contentType });
}

/** A JSON read, typed as `c.json` would be so the typed client knows the shape. */
export function readJson<T>(c: Context, data: T): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  return readResponse(c, JSON.stringify(data), 'application/json') as Response &
    TypedResponse<JSONParsed<T>, 200, 'json'>;
}

/** The path and query of a request URL: what the fast path looks answers up by. */
export function requestTarget(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/**
 * Answers a cached read (see ReadCache) with its own media type. A 200 answer is also remembered under its
 * exact request target, so the next identical GET is answered by `fastRead` before routing and validation.
 */
export function readCached(c: Context, cache: ReadCache, entry: CachedRead): Response {
  if (cache.enabled) cache.set(`t:${requestTarget(c.req.url)}`, entry);
  c.set('readBytes', entry.data.byteLength);
  c.set('readEntry', entry);
  return readResponse(c, entry.data, entry.type, entry.etag, cache.cacheControl);
}

/** `readCached` for a JSON read, typed as `c.json` would be so the typed client knows the shape. */
export function readCachedJson<T>(
  c: Context,
  cache: ReadCache,
  entry: CachedRead,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  return readCached(c, cache, entry) as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
