import { z } from 'zod';
import { BlockIndexSchema, OffsetSchema } from './position-schema';

export const AmountSchema = z
  .object({
    text: z.string().min(1),
    value: z.number(),
    unit: z.string().optional().describe('A currency code (USD, GBP...), a unit, or the counted noun.'),
    block: BlockIndexSchema,
    start: OffsetSchema,
    end: OffsetSchema,
  })
  .meta({ id: 'Amount' });
export type Amount = z.infer<typeof AmountSchema>;
