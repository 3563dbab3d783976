import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RouteDeps } from '../deps';
import { ATOM_MEDIA_TYPE, atomFeed, feedArticles, JSON_FEED_MEDIA_TYPE, jsonFeed } from '@gazette/core/query';
import { feedLinks } from '../feeds/feed-links';
import { problemResponses } from '../http/problem';
import { readCached } from '../http/read-response';
import { defined, FeedQuerySchema, toFilters } from '../query-schemas';

type FeedQuery = z.infer<typeof FeedQuerySchema>;

interface FeedFormat {
  path: '/v1/feed.atom' | '/v1/feed.json';
  type: string;
  write: typeof atomFeed;
}

const ATOM: FeedFormat = { path: '/v1/feed.atom', type: ATOM_MEDIA_TYPE, write: atomFeed };
const JSON_FEED: FeedFormat = {
  path: '/v1/feed.json',
  type: JSON_FEED_MEDIA_TYPE,
  write: (articles, options) => JSON.stringify(jsonFeed(articles, options)),
};

/**
 * A feed's body (the core's writers over the core's feed articles), cached like the other reads: keyed by the validated parameters, and made from them alone
 * (links from the configured public URL, never from the request), so one entry serves every request.
 */
function cachedFeed(
  c: Context,
  { current, reads, publicUrl, now = () => new Date().toISOString() }: RouteDeps,
  q: FeedQuery,
  { path, type, write }: FeedFormat,
) {
  const params = defined({ q: q.q?.trim() || undefined, filters: toFilters(q), limit: q.limit });
  // A live corpus's feed is as current as its search: read from the corpus as of this request.
  const corpus = current();
  const entry = reads.through(
    `f:${path}:${JSON.stringify(params)}`,
    () =>
      write(feedArticles(corpus, params), {
        ...feedLinks(publicUrl, path, { q: params.q, ...params.filters, limit: params.limit }),
        title: params.q ? `Gazette: ${params.q.slice(0, 100)}` : 'Gazette: newest articles',
        // Read once per cached body: an undated entry keeps the time this feed first published it.
        now: now(),
      }),
    type,
  );
  return readCached(c, reads, entry);
}

const feedResponses = (type: string) =>
  ({
    200: { description: 'The feed.', content: { [type]: { schema: z.string() } } },
    304: { description: 'Not modified.' },
    ...problemResponses(400, 503),
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

export const atomFeedEndpoint = (deps: RouteDeps) =>
  defineOpenAPIRoute({
    route: atomFeedRoute,
    addRoute: true,
    handler: (c) => cachedFeed(c, deps, c.req.valid('query'), ATOM) as never,
  });

export const jsonFeedEndpoint = (deps: RouteDeps) =>
  defineOpenAPIRoute({
    route: jsonFeedRoute,
    addRoute: true,
    handler: (c) => cachedFeed(c, deps, c.req.valid('query'), JSON_FEED) as never,
  });
