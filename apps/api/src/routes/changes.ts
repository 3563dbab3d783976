import { ChangesResultSchema } from '@gazette/core/query';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RouteDeps } from '../deps';
import { problem, problemResponse, problemResponses } from '../http/problem';
import { readCursor } from '../live/change-cursor';
import { BUNDLED_CORPUS } from './healthz';

/** Changes in one page of /v1/changes: at most this many, 100 when not said. */
export const MAX_CHANGES_PAGE = 1000;

export const ChangesQuerySchema = z.object({
  since: z
    .string()
    .max(20)
    .optional()
    .describe('The `nextCursor` of the previous page (or a streamed event id); from the start when absent.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CHANGES_PAGE)
    .default(100)
    .describe(`Changes per page (1 to ${MAX_CHANGES_PAGE}).`),
});

export const changesRoute = createRoute({
  method: 'get',
  path: '/v1/changes',
  tags: ['Live'],
  summary: 'What was added or updated, oldest first, after a cursor',
  description:
    "Pages through the store's change log as far as this server has applied it (what its reads answer from). Pass `nextCursor` as `since` to get what came after; an empty page keeps the same cursor. 501 when the server serves a bundled corpus.",
  request: { query: ChangesQuerySchema },
  responses: {
    200: {
      description: 'A page of changes, the cursor to ask next and the live version.',
      content: { 'application/json': { schema: ChangesResultSchema } },
    },
    ...problemResponses(400, 501, 503),
  },
});

/** The answer of a live route on a server that serves a bundled corpus. */
export const notLive = (c: Context, what: string) =>
  problemResponse(c, problem('not-live', `${BUNDLED_CORPUS} ${what}`));

export const changesEndpoint = ({ live, changes }: RouteDeps) =>
  defineOpenAPIRoute({
    route: changesRoute,
    addRoute: true,
    handler: async (c) => {
      if (!live || !changes) return notLive(c, 'It has no change log to page through.') as never;
      const { since, limit } = c.req.valid('query');
      // What the reads answer from: changes the store has but the corpus has not applied yet wait.
      const version = live.version();
      const cursor = readCursor(since, version.seq, 'since');
      if ('problem' in cursor) return problemResponse(c, cursor.problem) as never;
      const page = (await changes(cursor.seq, limit)).changes.filter((ch) => ch.seq <= version.seq);
      const nextCursor = String(page.at(-1)?.seq ?? cursor.seq);
      return c.json({ changes: page, nextCursor, version }, 200, { 'cache-control': 'no-store' });
    },
  });
