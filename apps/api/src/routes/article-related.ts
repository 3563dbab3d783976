import { RelatedResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, IdParamSchema, RelatedQuerySchema } from '../query-schemas';
import { jsonReadOne } from './responses';

export const articleRelatedRoute = createRoute({
  method: 'get',
  path: '/v1/articles/{id}/related',
  tags: ['Articles'],
  summary: 'Articles related to one',
  request: { params: IdParamSchema, query: RelatedQuerySchema },
  responses: jsonReadOne(RelatedResultSchema, 'Related articles, best first.'),
});

export const articleRelated = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: articleRelatedRoute,
    addRoute: true,
    handler: (c) =>
      readJson(c, corpus.related(c.req.valid('param').id, defined({ limit: c.req.valid('query').limit }))),
  });
