import { SearchParamsSchema, SearchResultSchema } from '@gazette/core/query';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { RouteDeps } from '../deps';
import { problem, problemResponse, problemResponses } from '../http/problem';
import { API_LIMITS } from '../limits';

/**
 * JSON as sent, uncompressed: a body with any Content-Encoding (gzip, br, …) would otherwise be read as if
 * it were plain JSON, so it is refused before a byte of it is read.
 */
const requireJson = createMiddleware(async (c, next) => {
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    return problemResponse(
      c,
      problem(
        'unsupported-media-type',
        'Send the body uncompressed: POST /v1/search accepts no Content-Encoding.',
      ),
      { 'accept-encoding': 'identity' },
    );
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type))
    return problemResponse(
      c,
      problem(
        'unsupported-media-type',
        'Send the search parameters as JSON with Content-Type: application/json.',
      ),
      { accept: 'application/json' },
    );
  await next();
});

const tooLarge = (c: Context) =>
  problemResponse(
    c,
    problem('payload-too-large', `The body may be at most ${API_LIMITS.maxBodyBytes} bytes.`),
  );

/** A declared body this much over the limit is refused unread; the connection may then be reset. */
const DRAIN_BYTES = 1 << 20;

/**
 * Reads a refused body to its end (up to DRAIN_BYTES) before answering 413: a server that answers and closes
 * while the client is still sending resets the connection (workerd does), and the client sees ECONNRESET
 * instead of the 413 that says what is wrong. A body declared larger than that is refused at once.
 */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      if (read > DRAIN_BYTES) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const limitBody = createMiddleware(async (c, next) => {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > API_LIMITS.maxBodyBytes) {
    if (declared <= DRAIN_BYTES) await drain(c.req.raw.body);
    return tooLarge(c);
  }
  // A body without a length (chunked) is counted as it is read.
  return bodyLimit({ maxSize: API_LIMITS.maxBodyBytes, onError: tooLarge })(c, next);
});

export const searchPostRoute = createRoute({
  method: 'post',
  path: '/v1/search',
  tags: ['Search'],
  summary: 'Search articles (parameters as a JSON body)',
  description: "The core's search parameters as JSON, for queries that do not fit a URL. Not cached.",
  middleware: [requireJson, limitBody] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: SearchParamsSchema } } },
  },
  responses: {
    200: {
      description: "The core's search result.",
      content: { 'application/json': { schema: SearchResultSchema } },
    },
    ...problemResponses(400, 413, 415, 503),
  },
});

export const searchPost = ({ current, takeTurn }: RouteDeps) =>
  defineOpenAPIRoute({
    route: searchPostRoute,
    addRoute: true,
    // The turn is taken once the body is read (reading it awaits I/O), right before the query.
    handler: async (c) => {
      const params = c.req.valid('json');
      await takeTurn(c.req.raw.signal);
      return c.json(current().search(params), 200, { 'cache-control': 'no-store' });
    },
  });
