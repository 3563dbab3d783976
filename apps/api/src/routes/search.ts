import { type FacetName, SearchResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, SearchQuerySchema, toFilters } from '../query-schemas';
import { jsonRead } from './responses';

export const searchRoute = createRoute({
  method: 'get',
  path: '/v1/search',
  tags: ['Search'],
  summary: 'Search articles',
  description:
    'The core query language, the list filters, facet counts and snippets with highlight offsets (plain text, never HTML).',
  request: { query: SearchQuerySchema },
  responses: jsonRead(SearchResultSchema, "The core's search result."),
});

export const search = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: searchRoute,
    addRoute: true,
    handler: (c) => {
      const q = c.req.valid('query');
      // Facet names are checked by the core's schema; the API only splits the list.
      const facets = q.facets
        ?.split(',')
        .map((f) => f.trim())
        .filter(Boolean) as FacetName[] | undefined;
      return readJson(
        c,
        corpus.search({
          q: q.q,
          ...defined({ filters: toFilters(q), sort: q.sort, limit: q.limit, cursor: q.cursor, facets }),
        }),
      );
    },
  });
