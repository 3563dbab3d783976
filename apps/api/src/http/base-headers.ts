import type { MiddlewareHandler } from 'hono';

/** Security headers of every response (the docs page replaces the CSP with its own). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'cross-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-permitted-cross-domain-policies': 'none',
};

/** CORS for public reads: any origin, never credentials. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, X-Request-Id, Content-Length',
};

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, If-None-Match, X-Request-Id',
  'access-control-max-age': '86400',
  vary: 'Access-Control-Request-Headers',
};

const SANE_ID = /^[\w.:-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token, else a fresh one. */
export function requestIdFor(incoming: string | undefined | null): string {
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Security and CORS headers together: what every answer carries besides its request id. */
export const BASE_HEADERS: Readonly<Record<string, string>> = { ...SECURITY_HEADERS, ...CORS_HEADERS };

/**
 * Request id, security headers and CORS in one step, set before the handler runs. One middleware instead
 * of hono's requestId + secureHeaders + cors (three async layers, headers rewritten after the handler):
 * every read pays for it, and an article fetch is meant to stay near a hello-world's throughput.
 */
export function baseHeaders(): MiddlewareHandler {
  const fixed = Object.entries(BASE_HEADERS);
  const preflight = Object.entries(PREFLIGHT_HEADERS);
  return async (c, next) => {
    const id = requestIdFor(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.header('x-request-id', id);
    for (const [k, v] of fixed) c.header(k, v);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      for (const [k, v] of preflight) c.header(k, v);
      return c.body(null, 204);
    }
    await next();
  };
}
