import { LiveVersionSchema } from '@gazette/core/query';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps';

/** What a server that follows no store says of its corpus (the edge build; a snapshot or the built-in one). */
export const BUNDLED_CORPUS =
  'This server serves a bundled corpus, fixed when it was built or started: it follows no store, so nothing new appears until it is rebuilt or restarted.';

export const HealthSchema = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .describe(
      'degraded: the store cannot be read now; the server answers from the corpus it holds (as of `version`) and catches up once the store is back (or, when `detail` says the store was replaced, once restarted).',
    ),
  articles: z.number().int().nonnegative().describe('Articles served now.'),
  corpus: z
    .enum(['live', 'bundled'])
    .describe(
      "live: a store's corpus, followed as writers commit; bundled: a corpus fixed at build or start.",
    ),
  version: LiveVersionSchema.optional().describe('Where the live corpus stands (live only).'),
  store: z
    .enum(['reachable', 'unreachable'])
    .optional()
    .describe('Whether the last read of the store succeeded (live only).'),
  detail: z
    .string()
    .optional()
    .describe('What a bundled corpus means for new articles, or why the store cannot be read.'),
});

export const healthzRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  summary: 'Liveness, how many articles are served, and the live version',
  responses: {
    200: {
      description: 'The service is up.',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

function health({ current, live }: RouteDeps): z.infer<typeof HealthSchema> {
  if (!live) return { status: 'ok', articles: current().size, corpus: 'bundled', detail: BUNDLED_CORPUS };
  const version = live.version();
  const problem = live.storeProblem();
  if (problem === undefined)
    return { status: 'ok', articles: version.articles, corpus: 'live', version, store: 'reachable' };
  // Why it failed stays on the server's standard error: the store's message names its host or path, which
  // is none of a client's business (the routes' 503 says as little).
  const detail = live.storeRetrying()
    ? `The store cannot be read now; answering from the corpus as of change ${version.seq}, and trying again (every 10 s at most).`
    : `The store was replaced under this server (another file at its path); answering from the corpus as of change ${version.seq}. Restart the server to read the new one.`;
  return {
    status: 'degraded',
    articles: version.articles,
    corpus: 'live',
    version,
    store: 'unreachable',
    detail,
  };
}

export const healthz = (deps: RouteDeps) =>
  defineOpenAPIRoute({
    route: healthzRoute,
    addRoute: true,
    handler: (c) => c.json(health(deps), 200, { 'cache-control': 'no-store' }),
  });
