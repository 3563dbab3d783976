import { TimelineResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, TimelineQuerySchema, toFilters } from '../query-schemas';
import { jsonRead } from './responses';

export const timelineRoute = createRoute({
  method: 'get',
  path: '/v1/timeline',
  tags: ['Search'],
  summary: 'Article counts over time for a query',
  request: { query: TimelineQuerySchema },
  responses: jsonRead(TimelineResultSchema, 'Buckets by day, week or month.'),
});

export const timeline = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: timelineRoute,
    addRoute: true,
    handler: (c) => {
      const q = c.req.valid('query');
      return readJson(c, corpus.timeline(defined({ q: q.q, filters: toFilters(q), interval: q.interval })));
    },
  });
