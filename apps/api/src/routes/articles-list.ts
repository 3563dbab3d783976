import { ListResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, ListQuerySchema, toFilters } from '../query-schemas';
import { jsonRead } from './responses';

export const articlesListRoute = createRoute({
  method: 'get',
  path: '/v1/articles',
  tags: ['Articles'],
  summary: 'List articles',
  description: 'Newest or oldest first, filtered; pages with `nextCursor`.',
  request: { query: ListQuerySchema },
  responses: jsonRead(ListResultSchema, '`{ total, items, nextCursor }`'),
});

export const articlesList = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: articlesListRoute,
    addRoute: true,
    handler: (c) => {
      const q = c.req.valid('query');
      return readJson(
        c,
        corpus.list(
          defined({
            filters: toFilters(q),
            sort: q.sort,
            reverse: q.reverse,
            limit: q.limit,
            cursor: q.cursor,
          }),
        ),
      );
    },
  });
