import type { MiddlewareHandler } from 'hono';
import type { CachedRead } from './read-cache';

/**
 * How a server compresses its answers. Node passes one (`nodeCompression()`); workerd passes none, since
 * Cloudflare's edge compresses. Runtime-agnostic: the Node specifics are supplied by the Node entry.
 */
export interface Compression {
  /** Bodies under this many bytes are sent as they are: compressing them costs more than it saves. */
  readonly threshold: number;
  /** Gzips a body at once: a cached read is compressed once and the copy kept with it. */
  gzip(body: Uint8Array): Uint8Array<ArrayBuffer>;
  /** Compresses every other answer, streaming. */
  readonly middleware: MiddlewareHandler;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The UTF-8 size of a read's body when the route knows it, so compression can skip small ones. */
    readBytes: number;
    /** The read a route answered from (or put in) the read cache: its body is whole, so it is gzipped at once. */
    readEntry: CachedRead;
  }
}

/** The request accepts gzip or deflate at all (what the streaming middleware then negotiates). */
export function acceptsCompression(acceptEncoding: string | null | undefined): boolean {
  return !!acceptEncoding && /\b(?:gzip|deflate)\b/i.test(acceptEncoding);
}

/**
 * `gzip` when the header plainly accepts it (a list of codings without weights, as clients send), else
 * undefined: weighted or unusual headers are left to the full negotiation of the streaming middleware.
 */
export function plainlyAcceptsGzip(acceptEncoding: string): boolean {
  return !acceptEncoding.includes(';') && /(?:^|,)\s*gzip\s*(?:,|$)/i.test(acceptEncoding);
}

/**
 * A cached read's answer as gzip: the compressed copy is made once and kept with the entry, and the tag is
 * weak, as for every compressed representation. The fast path and the routes' answers share it, so a read
 * answered both ways gives the same bytes.
 */
export function gzippedRead(
  entry: CachedRead,
  compression: Compression,
  headers: Record<string, string>,
): Response {
  entry.gzip ??= compression.gzip(entry.data);
  return new Response(entry.gzip, {
    status: 200,
    headers: { ...headers, etag: `W/${entry.etag}`, 'content-type': entry.type, 'content-encoding': 'gzip' },
  });
}
