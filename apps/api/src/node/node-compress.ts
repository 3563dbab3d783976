import { gzipSync } from 'node:zlib';
import { compress } from 'hono/compress';
import { acceptsCompression, type Compression } from '../http/compression';

/**
 * Compression for the Node server (workerd leaves it to Cloudflare's edge). Hono's middleware inspects
 * every response; a client that accepts no compression skips it entirely, and saves that per request.
 * Hono skips small bodies only when it knows their length: a read that knows its size says so.
 */
export function nodeCompression(threshold = 1024): Compression {
  const inner = compress({ threshold });
  return {
    threshold,
    gzip: (body) => gzipSync(body, { level: 6 }),
    middleware: (c, next) => {
      c.header('vary', 'Accept-Encoding');
      if (!acceptsCompression(c.req.header('accept-encoding'))) return next();
      return inner(c, async () => {
        await next();
        const bytes = c.get('readBytes');
        if (bytes !== undefined && bytes < threshold && c.res.status === 200)
          c.res.headers.set('content-length', String(bytes));
      });
    },
  };
}
