import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import 'hono/request-id'; // declares the `requestId` context variable
import type { AppDeps, RouteDeps } from './deps';
import { docsRoutes } from './docs/docs-routes';
import { baseHeaders } from './http/base-headers';
import type { Compression } from './http/compression';
import { fastRead } from './http/fast-read';
import { headAnswer } from './http/head-answer';
import { allowedMethods } from './http/allowed-methods';
import { problem, problemResponse } from './http/problem';
import { ReadCache } from './http/read-cache';
import { NO_TURNS, refusedTurnResponse, TurnRefused, type Turns, turnsMiddleware } from './http/turns';
import { fromThrown, fromZodIssues } from './http/to-problem';
import {
  API_LIMITS,
  LIVE_READ_CACHE_CONTROL,
  READ_CACHE_CONTROL,
  STREAM_LIMITS,
  type StreamLimits,
} from './limits';
import { ChangeBatches } from './live/change-batches';
import { currentCorpus } from './live/current-corpus';
import { StreamSlots } from './live/stream-slots';
import { OPENAPI_CONFIG } from './openapi-config';
import { alertFeedEndpoint } from './routes/alert-feed';
import { changesEndpoint } from './routes/changes';
import { atomFeedEndpoint, jsonFeedEndpoint } from './routes/feeds';
import { healthz } from './routes/healthz';
import { readRoutes } from './routes/read-route';
import { searchPost } from './routes/search-post';
import { streamEndpoint } from './routes/stream';

export type AppOptions = AppDeps & {
  /** Compression of answers: Node passes `nodeCompression()`; workerd none (Cloudflare's edge compresses). */
  compression?: Compression;
  /** Turns taken by queries (see Turns): Node passes `nodeTurns()`; workerd none. */
  turns?: Turns;
  /** Runtime-specific middleware run before the routes. */
  middleware?: MiddlewareHandler[];
  /**
   * Budget of the cache of serialised reads (article bodies, search answers), in bytes of body; 0 turns it
   * off. Default 32 MB.
   */
  readCacheBytes?: number;
  /** Bounds of the event streams (GET /v1/stream); default STREAM_LIMITS. */
  streams?: Partial<StreamLimits>;
};

const DEFAULT_READ_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * The Gazette API over a corpus, fixed or live. Runtime-agnostic: the Node server and the worker both serve it.
 */
export function createApp({
  middleware = [],
  compression,
  turns = NO_TURNS,
  readCacheBytes = DEFAULT_READ_CACHE_BYTES,
  streams,
  ...appDeps
}: AppOptions) {
  const limits: StreamLimits = { ...STREAM_LIMITS, ...streams };
  const reads = new ReadCache(readCacheBytes, appDeps.live ? LIVE_READ_CACHE_CONTROL : READ_CACHE_CONTROL);
  const { current, followVersion } = currentCorpus(appDeps, reads);
  const { corpus: _fixed, ...rest } = appDeps;
  const deps: RouteDeps = {
    ...rest,
    current,
    reads,
    takeTurn: turns.take,
    streams: new StreamSlots(limits.maxStreams),
  };
  const batches = appDeps.live && appDeps.changes ? new ChangeBatches(appDeps.changes) : undefined;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        return problemResponse(c, fromZodIssues(result.error, result.target === 'json' ? 'body' : 'query'));
    },
  });

  app.use(baseHeaders());
  app.use((c, next) => {
    const url = c.req.url;
    const target = url.length - url.indexOf('/', url.indexOf('//') + 2);
    if (target <= API_LIMITS.maxUrlLength) return next();
    return Promise.resolve(
      problemResponse(
        c,
        problem('uri-too-long', `The path and query may be at most ${API_LIMITS.maxUrlLength} characters.`),
      ),
    );
  });
  // Queries take turns with each other, so that no burst of them holds the other requests (see Turns).
  if (turns !== NO_TURNS) app.use('/v1/*', turnsMiddleware(turns));
  if (compression) app.use(compression.middleware);
  for (const m of middleware) app.use(m);
  const routed = app.openapiRoutes([
    healthz(deps),
    ...readRoutes(deps),
    searchPost(deps),
    atomFeedEndpoint(deps),
    jsonFeedEndpoint(deps),
    changesEndpoint(deps),
    streamEndpoint(deps, batches, limits),
    alertFeedEndpoint(deps),
  ] as const);

  docsRoutes(app, () => app.getOpenAPI31Document(OPENAPI_CONFIG));

  // A path that exists under another method is a 405 with Allow; worked out only on this cold path.
  const allowed = allowedMethods(app.routes);
  app.notFound((c) => {
    const methods = allowed(c.req.path);
    if (methods.length)
      return problemResponse(
        c,
        problem('method-not-allowed', `This resource answers ${methods.join(', ')}.`),
        {
          allow: methods.join(', '),
        },
      );
    return problemResponse(c, problem('not-found', 'No such resource; see /docs.'));
  });
  app.onError((error, c) => {
    if (error instanceof TurnRefused) return refusedTurnResponse(c, error);
    const known = fromThrown(error);
    if (known) return problemResponse(c, known);
    // A bug, not the caller's fault: log it, say nothing about it.
    console.error(`gazette-api: ${c.get('requestId')}:`, error);
    return problemResponse(
      c,
      problem('internal', 'Something went wrong on our side; quote the request id if you report it.'),
    );
  });
  // Reads answered before (same target) skip routing, validation and the middleware chain; see fastRead.
  // Not when the caller adds middleware: the fast path could not know what that middleware would change.
  // HEAD is answered as its GET without the body, with that body's length (see headAnswer).
  const routedFetch = routed.fetch;
  const getFetch: typeof routedFetch =
    middleware.length === 0
      ? (request, env, executionCtx) => {
          followVersion(); // the cache answers only for the corpus as it is now
          return fastRead(request, reads, compression) ?? routedFetch(request, env, executionCtx);
        }
      : routedFetch;
  routed.fetch = (request, env, executionCtx) =>
    request.method === 'HEAD'
      ? headAnswer(request, (get) => getFetch(get, env, executionCtx))
      : getFetch(request, env, executionCtx);
  return Object.assign(routed, {
    /** Hits and misses of the read cache (the bench checks that uncached runs really miss). */
    readCacheStats: () => reads.stats(),
    /** Ends every open event stream (a server shutting down), each telling its client when to come back. */
    endStreams: () => deps.streams.endAll(),
  });
}

export type GazetteApp = ReturnType<typeof createApp>;
