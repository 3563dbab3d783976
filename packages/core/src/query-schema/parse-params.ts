import type { z } from 'zod';
import { fromZodError } from '../errors/from-zod-error';

/** Validates a query function's parameters; a failure is a GazetteError naming the parameter. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw fromZodError('INVALID_PARAMS', what, result.error);
  return result.data;
}
