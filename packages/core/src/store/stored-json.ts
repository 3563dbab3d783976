import type { z } from 'zod';
import { GazetteError } from '../errors/gazette-error';

/**
 * A JSON column read back as what its schema says, or a STORE_ERROR naming the store and what it holds:
 * a row damaged by hand or by another program is refused with a message, never a SyntaxError.
 */
export function readStoredJson<T>(schema: z.ZodType<T>, json: string, file: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new GazetteError('STORE_ERROR', `The store ${file} holds ${what} it cannot read.`, { where: file });
  return parsed.data;
}
