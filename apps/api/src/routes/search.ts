import { type FacetName, type SearchResult, SearchResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps';
import { readCachedJson } from '../http/read-response';
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

export const search = ({ corpus, reads }: RouteDeps) =>
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
      const params = {
        q: q.q,
        ...defined({ filters: toFilters(q), sort: q.sort, limit: q.limit, cursor: q.cursor, facets }),
      };
      // Keyed by the validated parameters, built in a fixed order: the same search, however it was
      // spelled in the URL, is one entry. The corpus never changes under an app, so neither does the answer.
      const entry = reads.through(`s:${JSON.stringify(params)}`, () => JSON.stringify(corpus.search(params)));
      return readCachedJson<SearchResult>(c, reads, entry);
    },
  });
