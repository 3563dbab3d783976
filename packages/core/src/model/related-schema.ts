import { z } from 'zod';

/** A link to another story that was found inside the body (a teaser) and taken out of it. */
export const RelatedSchema = z
  .object({
    title: z.string().min(1),
    url: z.string().optional(),
    reason: z.string().min(1).describe('Why this line was judged to be a link to another story.'),
    block: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Index in `body` of the block it stood before (or `body.length` when it came last).'),
  })
  .meta({ id: 'Related' });
export type Related = z.infer<typeof RelatedSchema>;
