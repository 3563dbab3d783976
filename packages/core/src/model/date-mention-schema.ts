import { z } from 'zod';
import { BlockIndexSchema, OffsetSchema } from './position-schema';

/** A date or period named in the text; `value` is resolved only when it can be (e.g. `publishedAt` is known). */
export const DateMentionSchema = z
  .object({
    text: z.string().min(1),
    value: z.string().optional().describe('ISO 8601 date, or the first day of the period.'),
    start: OffsetSchema.optional(),
    end: OffsetSchema.optional(),
    block: BlockIndexSchema,
    range: z
      .object({ from: z.string(), to: z.string() })
      .optional()
      .describe('The resolved period as ISO 8601 dates, when it is longer than a day.'),
  })
  .meta({ id: 'DateMention' });
export type DateMention = z.infer<typeof DateMentionSchema>;
