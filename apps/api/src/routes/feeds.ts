import type { Article } from '@gazette/core';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import { atomFeed } from '../feeds/atom';
import { feedArticles } from '../feeds/feed-articles';
import { jsonFeed } from '../feeds/json-feed';
import { problemResponses } from '../http/problem';
import { readResponse } from '../http/read-response';
import { defined, FeedQuerySchema, toFilters } from '../query-schemas';

function feedOf(c: Context, { corpus }: AppDeps, q: z.infer<typeof FeedQuerySchema>) {
  const url = new URL(c.req.url);
  const articles = feedArticles(corpus, defined({ q: q.q, filters: toFilters(q), limit: q.limit }));
  return {
    articles,
    opts: {
      selfUrl: url.href,
      title: q.q?.trim() ? `Gazette: ${q.q.trim().slice(0, 100)}` : 'Gazette: newest articles',
      articleUrl: (a: Article) => `${url.origin}/v1/articles/${encodeURIComponent(a.id)}`,
    },
  };
}

const feedResponses = (type: string) =>
  ({
    200: { description: 'The feed.', content: { [type]: { schema: z.string() } } },
    304: { description: 'Not modified.' },
    ...problemResponses(400),
  }) as const;

export const atomFeedRoute = createRoute({
  method: 'get',
  path: '/v1/feed.atom',
  tags: ['Feeds'],
  summary: 'Atom feed of any query',
  request: { query: FeedQuerySchema },
  responses: feedResponses('application/atom+xml'),
});

export const jsonFeedRoute = createRoute({
  method: 'get',
  path: '/v1/feed.json',
  tags: ['Feeds'],
  summary: 'JSON Feed of any query',
  request: { query: FeedQuerySchema },
  responses: feedResponses('application/feed+json'),
});

export const atomFeedEndpoint = (deps: AppDeps) =>
  defineOpenAPIRoute({
    route: atomFeedRoute,
    addRoute: true,
    handler: (c) => {
      const { articles, opts } = feedOf(c, deps, c.req.valid('query'));
      return readResponse(c, atomFeed(articles, opts), 'application/atom+xml; charset=utf-8') as never;
    },
  });

export const jsonFeedEndpoint = (deps: AppDeps) =>
  defineOpenAPIRoute({
    route: jsonFeedRoute,
    addRoute: true,
    handler: (c) => {
      const { articles, opts } = feedOf(c, deps, c.req.valid('query'));
      return readResponse(c, JSON.stringify(jsonFeed(articles, opts)), 'application/feed+json') as never;
    },
  });
