import { type FacetName, FacetsSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, FilterQuerySchema, SearchTextSchema, toFilters } from '../query-schemas';
import { jsonRead } from './responses';

const FacetsQuerySchema = FilterQuerySchema.extend({
  q: SearchTextSchema.optional().describe('Count only articles matching this query.'),
  facets: z.string().max(200).optional().describe('Comma-separated facet names; all when absent.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: 100, default: 10, description: 'Values per facet.' }),
});

export const facetsRoute = createRoute({
  method: 'get',
  path: '/v1/facets',
  tags: ['Search'],
  summary: 'Facet counts for a query',
  request: { query: FacetsQuerySchema },
  responses: jsonRead(FacetsSchema, 'For each facet, its values with counts.'),
});

export const facets = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: facetsRoute,
    addRoute: true,
    handler: (c) => {
      const q = c.req.valid('query');
      const names = q.facets
        ?.split(',')
        .map((f) => f.trim())
        .filter(Boolean) as FacetName[] | undefined;
      return readJson(
        c,
        corpus.facets(defined({ q: q.q, filters: toFilters(q), facets: names, limit: q.limit })),
      );
    },
  });
