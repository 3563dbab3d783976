import { ALERT_FEED_ENTRIES, ATOM_MEDIA_TYPE, alertFeedArticles, atomFeed } from '@gazette/core/query';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps';
import { feedLinks } from '../feeds/feed-links';
import { problem, problemResponse, problemResponses } from '../http/problem';
import { readResponse } from '../http/read-response';

const AlertIdSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'The alert id (`gazette alerts` lists them).',
    }),
});

export const alertFeedRoute = createRoute({
  method: 'get',
  path: '/v1/alerts/{id}/feed.atom',
  tags: ['Feeds'],
  summary: "Atom feed of an alert's matches",
  description: `The newest articles (at most ${ALERT_FEED_ENTRIES}) the alert's query matches, read as the alert reads new articles (typos off); current with the live corpus. 404 for an unknown alert, 501 when the server has no store.`,
  request: { params: AlertIdSchema },
  responses: {
    200: { description: 'The feed.', content: { 'application/atom+xml': { schema: z.string() } } },
    304: { description: 'Not modified.' },
    ...problemResponses(400, 404, 501, 503),
  },
});

/**
 * An alert's feed through the core's Atom writer. The body is kept in the read cache (one per alert and
 * corpus version), but never answered by the fast path: the alert is looked up on every request, so a
 * removed alert's feed is a 404 at once.
 */
export const alertFeedEndpoint = ({ alerts, current, reads, publicUrl, now }: RouteDeps) =>
  defineOpenAPIRoute({
    route: alertFeedRoute,
    addRoute: true,
    handler: async (c) => {
      if (!alerts)
        return problemResponse(
          c,
          problem(
            'not-live',
            'This server reads no store, so it has no alerts (`gazette alert add` makes them in a store).',
          ),
        ) as never;
      const { id } = c.req.valid('param');
      const alert = await alerts.get(id);
      if (!alert)
        return problemResponse(
          c,
          problem('not-found', 'No alert has this id; `gazette alerts` lists them.'),
        ) as never;
      const corpus = current();
      const path = `/v1/alerts/${encodeURIComponent(alert.id)}/feed.atom`;
      const entry = reads.through(
        `a:${alert.id}:${alert.query}`,
        () =>
          atomFeed(alertFeedArticles(corpus, alert), {
            ...feedLinks(publicUrl, path, {}),
            title: `Gazette alert: ${alert.query.slice(0, 100)}`,
            now: (now ?? (() => new Date().toISOString()))(),
          }),
        ATOM_MEDIA_TYPE,
      );
      return readResponse(c, entry.data, entry.type, entry.etag, reads.cacheControl) as never;
    },
  });
