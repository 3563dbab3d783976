import { API_LIMITS } from '../limits';
import { BASE_HEADERS, requestIdFor } from './base-headers';
import { type Compression, acceptsCompression, gzippedRead, plainlyAcceptsGzip } from './compression';
import { matchesIfNoneMatch } from './etag';
import type { ReadCache } from './read-cache';
import { requestTarget } from './read-response';

/**
 * Answers a GET whose exact request target was answered before (a cached read: an article, a search, a feed),
 * before routing, validation and the middleware chain; undefined sends the request the long way.
 *
 * It answers exactly as the long way would: the same body and ETag (the cache holds what the route
 * produced for this very target), the same headers (request id, security, CORS, Cache-Control, Vary),
 * 304 on If-None-Match, and gzip when the server compresses (the compressed copy is made once). A
 * request it cannot answer identically (HEAD, weighted Accept-Encoding, …) goes the long way. Synchronous,
 * with a plain header object: the Node adapter then writes the answer without a promise or a Headers.
 */
export function fastRead(
  req: Request,
  cache: ReadCache,
  compression: Compression | undefined,
): Response | undefined {
  if (req.method !== 'GET' || !cache.enabled) return undefined;
  const target = requestTarget(req.url);
  if (target.length > API_LIMITS.maxUrlLength) return undefined;
  const entry = cache.get(`t:${target}`);
  if (entry === undefined) return undefined;
  const h = req.headers;
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'x-request-id': requestIdFor(h.get('x-request-id')),
    etag: entry.etag,
    'cache-control': cache.cacheControl,
  };
  if (compression) headers.vary = 'Accept-Encoding';
  // As the long way: a 304 carries the body's own (strong) tag, compared weakly with the client's.
  if (matchesIfNoneMatch(h.get('if-none-match') ?? undefined, entry.etag)) {
    cache.hits++;
    return new Response(null, { status: 304, headers });
  }
  let gzip = false;
  if (compression) {
    const accepted = h.get('accept-encoding');
    if (acceptsCompression(accepted) && entry.data.byteLength >= compression.threshold) {
      if (!plainlyAcceptsGzip(accepted!)) return undefined;
      gzip = true;
    }
  }
  cache.hits++;
  headers['content-type'] = entry.type;
  if (!gzip) return new Response(entry.data, { status: 200, headers });
  return gzippedRead(entry, compression!, headers);
}
