import { z } from 'zod';

/** Where something sits in the body: `block` indexes `body`, `start`/`end` are UTF-16 offsets in its text. */
export const BlockIndexSchema = z.number().int().nonnegative();
export const OffsetSchema = z.number().int().nonnegative();
