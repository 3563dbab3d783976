import { z } from 'zod';

const Iso = z.string().describe('ISO 8601 time.');

/** What polling a source has learnt: validators, health and the schedule. Survives restarts (kept in the store). */
export const PollStateSchema = z
  .object({
    etag: z
      .string()
      .optional()
      .describe('The last ETag the feed answered with (sent back as If-None-Match).'),
    lastModified: z
      .string()
      .optional()
      .describe('The last Last-Modified the feed answered with (sent back as If-Modified-Since).'),
    lastPolledAt: Iso.optional(),
    lastSuccessAt: Iso.optional(),
    lastErrorAt: Iso.optional(),
    lastError: z.string().optional().describe('Why the last failed poll failed, as the user is told.'),
    failures: z.number().int().nonnegative().describe('Failed polls in a row (0 after a success).'),
    nextPollAt: Iso.describe('When the source is next due.'),
    intervalSeconds: z.number().int().positive().describe('The interval the schedule settled on.'),
    hintSeconds: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("The feed's own hint (ttl, sy:updatePeriod, Cache-Control max-age): never polled sooner."),
    newItemTimes: z
      .array(Iso)
      .describe('When the latest new items were stored (at most 50): the observed rate.'),
    itemsStored: z.number().int().nonnegative().describe('New or updated articles stored from the source.'),
    polls: z.number().int().nonnegative(),
    notModified: z.number().int().nonnegative().describe('Polls answered 304 Not Modified.'),
  })
  .meta({ id: 'PollState' });
export type PollState = z.infer<typeof PollStateSchema>;

/** A feed Gazette follows. */
export const FollowedSourceSchema = z
  .object({
    id: z.string().describe('Short stable id, made from the feed URL.'),
    url: z.string().describe('The feed URL polled (RSS, Atom or JSON Feed).'),
    pageUrl: z.string().optional().describe('The page the feed was found on, when the user gave a page.'),
    title: z.string().optional(),
    full: z.boolean().describe("Fetch each new item's page and extract it (robots.txt is obeyed)."),
    everySeconds: z.number().int().positive().optional().describe('The interval the user asked for.'),
    addedAt: Iso,
    state: PollStateSchema,
  })
  .meta({ id: 'FollowedSource' });
export type FollowedSource = z.infer<typeof FollowedSourceSchema>;
