import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * Compression for the Node server (workerd leaves it to Cloudflare's edge). Hono's middleware inspects
 * every response; a client that accepts no compression skips it entirely, and saves that per request.
 */
export function nodeCompress(): MiddlewareHandler {
  const inner = compress({ threshold: 1024 });
  return (c, next) => {
    c.header('vary', 'Accept-Encoding');
    const accepted = c.req.header('accept-encoding');
    if (!accepted || !/\b(?:gzip|deflate)\b/i.test(accepted)) return next();
    return inner(c, next);
  };
}
