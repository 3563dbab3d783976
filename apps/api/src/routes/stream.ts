import { checkMatchQuery } from '@gazette/core/query';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { RouteDeps } from '../deps';
import { problem, problemResponse, problemResponses } from '../http/problem';
import { STREAM_LIMITS, type StreamLimits } from '../limits';
import type { ChangeBatches } from '../live/change-batches';
import { readCursor } from '../live/change-cursor';
import { followChanges } from '../live/follow-changes';
import { defined, FeedQuerySchema, toFilters } from '../query-schemas';
import { notLive } from './changes';

export const StreamQuerySchema = FeedQuerySchema.omit({ limit: true }).extend({
  since: z
    .string()
    .max(20)
    .optional()
    .describe('Start after this change (a `nextCursor` of /v1/changes); `Last-Event-ID` wins over it.'),
});

const L = STREAM_LIMITS;
const EVENTS = `\`event: article\` per new or updated article the query matches, as it is committed: \`data\` is \`{ change, article }\` (the change-log entry and the article's summary), \`id\` the change seq. A reconnect with \`Last-Event-ID\` (EventSource does it) or \`since\` resumes from the change log. A \`: heartbeat\` comment every ${L.heartbeatMs / 1000} s carries the cursor as the id. \`event: skipped\` when more than ${L.maxResumeChanges} changes came since the cursor (the older ones are not replayed). The stream closes after ${L.maxDurationMs / 60_000} minutes with \`retry:\`; at most ${L.maxStreams} are open at once (429 beyond); a client that takes no event for ${L.writeTimeoutMs / 1000} s is dropped.`;

export const streamRoute = createRoute({
  method: 'get',
  path: '/v1/stream',
  tags: ['Live'],
  summary: 'New matches of a query, as Server-Sent Events',
  description: `${EVENTS} Which articles match is decided as alerts decide (the search language with typos off; filters alone without \`q\`). 501 when the server serves a bundled corpus.`,
  request: { query: StreamQuerySchema },
  responses: {
    200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses(400, 429, 501, 503),
  },
});

/** Where a stream starts: after the client's Last-Event-ID or `since`, else after the newest change. */
function startOf(c: Context, since: string | undefined, head: number) {
  const lastEventId = c.req.header('last-event-id');
  if (lastEventId !== undefined) return readCursor(lastEventId, head, 'Last-Event-ID');
  return since === undefined ? { seq: head } : readCursor(since, head, 'since');
}

export const streamEndpoint = (deps: RouteDeps, batches: ChangeBatches | undefined, limits: StreamLimits) =>
  defineOpenAPIRoute({
    route: streamRoute,
    addRoute: true,
    handler: (c) => {
      const { live } = deps;
      if (!live || !batches) return notLive(c, 'It has no new articles to stream.') as never;
      const valid = c.req.valid('query');
      const query = defined({ q: valid.q?.trim() || undefined, filters: toFilters(valid) });
      checkMatchQuery(query); // a query search refuses is a 400 now, not an error event later
      const start = startOf(c, valid.since, live.version().seq);
      if ('problem' in start) return problemResponse(c, start.problem) as never;
      const slot = deps.streams.take();
      if (!slot)
        return problemResponse(
          c,
          problem(
            'too-many-requests',
            `At most ${limits.maxStreams} event streams are open at once; retry in a minute.`,
          ),
          { 'retry-after': '60' },
        ) as never;
      c.header('x-accel-buffering', 'no'); // a proxy must pass each event on at once
      return streamSSE(c, async (stream) => {
        try {
          await followChanges(stream, { live, batches, query, from: start.seq, limits, ended: slot.ended });
        } finally {
          slot.release();
        }
      }) as never;
    },
  });
