import { z } from 'zod';

/** Where a live corpus stands: which store revision and change-log sequence it holds, and its counts. */
export const LiveVersionSchema = z
  .object({
    revision: z.string().describe("The store's revision the corpus reflects."),
    seq: z.number().int().nonnegative().describe('The last change-log sequence number the corpus includes.'),
    articles: z.number().int().nonnegative().describe('Live articles in the corpus.'),
    segments: z
      .number()
      .int()
      .nonnegative()
      .describe('Segments the index is made of (1 after a full merge).'),
  })
  .describe('A version of a live corpus: it changes whenever what the corpus answers does.');
export type LiveVersion = z.infer<typeof LiveVersionSchema>;

/** One entry of the store's change log: an article added, or a new version of one. */
export const ChangeSchema = z.object({
  seq: z.number().int().positive().describe('Position in the log: rises with every change, never reused.'),
  id: z.string().describe("The article's id."),
  version: z.number().int().positive().describe('The version this change stored.'),
  kind: z.enum(['added', 'updated']),
  savedAt: z.string().optional().describe('When the store saved it (ISO 8601).'),
});

/** A page of `GET /v1/changes`: the changes after the cursor, oldest first, and the cursor to ask next. */
export const ChangesResultSchema = z.object({
  changes: z.array(ChangeSchema),
  nextCursor: z.string().describe('Pass as `since` to get what comes after (the same when nothing did).'),
  version: LiveVersionSchema,
});
export type ChangesResult = z.infer<typeof ChangesResultSchema>;
