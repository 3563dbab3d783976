import type { z } from 'zod';
import { GazetteError, type GazetteErrorCode } from './gazette-error';

/** Turns a zod failure into a GazetteError that names each offending field. */
export function fromZodError(code: GazetteErrorCode, what: string, error: z.ZodError): GazetteError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const first = issues[0];
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new GazetteError(code, `Invalid ${what}: ${summary}`, {
    issues,
    ...(first ? { where: first.path } : {}),
  });
}
