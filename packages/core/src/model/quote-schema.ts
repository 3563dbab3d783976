import { z } from 'zod';
import { BlockIndexSchema, OffsetSchema } from './position-schema';

export const QuoteSchema = z
  .object({
    text: z.string().min(1),
    speaker: z
      .string()
      .optional()
      .describe('Canonical name of who said it; absent when the text does not say.'),
    speakerEntityId: z.string().optional(),
    verb: z.string().optional().describe('The reporting verb: said, told, added, argued...'),
    partial: z.boolean().describe('True when the quotation is woven into a sentence of the writer.'),
    block: BlockIndexSchema,
    start: OffsetSchema,
    end: OffsetSchema,
    endBlock: BlockIndexSchema.optional().describe('Set when the quotation closes in a later block.'),
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof QuoteSchema>;
