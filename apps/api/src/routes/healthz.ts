import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';

export const healthzRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  summary: 'Liveness, and how many articles are served',
  responses: {
    200: {
      description: 'The service is up.',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), articles: z.number().int().nonnegative() }),
        },
      },
    },
  },
});

export const healthz = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: healthzRoute,
    addRoute: true,
    handler: (c) =>
      c.json({ status: 'ok' as const, articles: corpus.size }, 200, { 'cache-control': 'no-store' }),
  });
