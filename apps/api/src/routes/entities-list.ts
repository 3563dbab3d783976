import { EntityListResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, EntitiesQuerySchema } from '../query-schemas';
import { jsonRead } from './responses';

export const entitiesListRoute = createRoute({
  method: 'get',
  path: '/v1/entities',
  tags: ['Entities'],
  summary: 'People, organisations and places',
  request: { query: EntitiesQuerySchema },
  responses: jsonRead(EntityListResultSchema, '`{ total, items, nextCursor }`'),
});

export const entitiesList = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: entitiesListRoute,
    addRoute: true,
    handler: (c) => readJson(c, corpus.entities(defined(c.req.valid('query')))),
  });
