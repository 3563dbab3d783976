import { z } from 'zod';

/** The structural kinds a body block can have; never raw HTML. */
export const BlockKindSchema = z.enum(['paragraph', 'heading', 'blockquote', 'list-item']);
export type BlockKind = z.infer<typeof BlockKindSchema>;

export const BlockSchema = z
  .object({
    kind: BlockKindSchema,
    text: z.string().min(1),
  })
  .meta({ id: 'Block', description: 'One block of the article body, as plain text.' });
export type Block = z.infer<typeof BlockSchema>;
