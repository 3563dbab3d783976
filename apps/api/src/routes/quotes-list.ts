import { QuoteListResultSchema } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { defined, QuotesQuerySchema } from '../query-schemas';
import { jsonRead } from './responses';

export const quotesListRoute = createRoute({
  method: 'get',
  path: '/v1/quotes',
  tags: ['Quotes'],
  summary: 'Quotations, by speaker or by words',
  request: { query: QuotesQuerySchema },
  responses: jsonRead(QuoteListResultSchema, '`{ total, items, nextCursor }`'),
});

export const quotesList = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: quotesListRoute,
    addRoute: true,
    handler: (c) => readJson(c, corpus.quotes(defined(c.req.valid('query')))),
  });
