import { isGazetteError } from '@gazette/core';
import type { z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { type Problem, problem } from './problem';

/** The query parameter an issue path points at: `filters.after` is `after`, `facets.0` is `facets`. */
function parameterOf(path: ReadonlyArray<PropertyKey> | string): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p) => p !== '' && p !== '(root)' && !/^\d+$/.test(p),
  );
  return parts.at(-1) ?? 'query';
}

/**
 * A validation message safe to send back: zod's standard messages describe the expectation, not the
 * value, except for unknown keys, which name what the caller sent; those become a fixed text.
 */
function safeMessage(message: string): string {
  if (/^Unrecognized key/i.test(message)) return 'Unknown field.';
  const clean = message.replace(/[^\x20-\x7e]/g, '');
  return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean;
}

function fromIssues(issues: ReadonlyArray<{ path: string; message: string }>, kind: 'query' | 'body') {
  const errors = issues.map((i) => ({ parameter: i.path, detail: safeMessage(i.message) }));
  const first = errors[0];
  const where = kind === 'body' ? 'field' : 'parameter';
  const detail = first
    ? `The ${where} \`${first.parameter}\` is invalid: ${first.detail}`
    : `The request ${where}s are invalid.`;
  return problem(kind === 'body' ? 'invalid-body' : 'invalid-parameter', detail, {
    ...(first ? { parameter: first.parameter } : {}),
    ...(errors.length > 1 ? { errors } : {}),
  });
}

export function fromZodIssues(error: z.ZodError, kind: 'query' | 'body' = 'query'): Problem {
  return fromIssues(
    error.issues.map((i) => ({
      path: kind === 'body' ? i.path.map(String).join('.') || '(root)' : parameterOf(i.path),
      message: i.code === 'unrecognized_keys' ? 'Unrecognized key' : i.message,
    })),
    kind,
  );
}

/** Maps what a query function throws to a problem; undefined when it is not a caller's mistake (a bug). */
export function fromThrown(error: unknown): Problem | undefined {
  // Hono's own refusals (e.g. a body that is not JSON); their messages are fixed texts.
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 413) return problem('payload-too-large', 'The request body is too large.');
    return problem('invalid-body', 'The request body is not valid JSON.');
  }
  if (!isGazetteError(error)) return undefined;
  switch (error.code) {
    case 'INVALID_PARAMS':
      return fromIssues(
        (error.details.issues ?? [{ path: error.details.where ?? 'query', message: 'Invalid value.' }]).map(
          (i) => ({ path: parameterOf(i.path), message: i.message }),
        ),
        'query',
      );
    case 'INVALID_CURSOR':
      // The core's cursor messages are fixed texts that never include the cursor.
      return problem('invalid-cursor', safeMessage(error.message), { parameter: 'cursor' });
    case 'INVALID_QUERY': {
      const at = error.details.offset;
      return problem(
        'invalid-parameter',
        at === undefined
          ? 'The search query cannot be read; check its quotes, parentheses and operators.'
          : `The search query cannot be read near character ${at + 1}; check its quotes, parentheses and operators.`,
        { parameter: 'q' },
      );
    }
    case 'NOT_FOUND':
      return problem('not-found', 'Nothing has this id or slug.');
    case 'STORE_ERROR':
      // A fixed text: the store's own message names its host, which is none of a client's business.
      return problem(
        'store-unavailable',
        'The store behind this server cannot be read now; searches and articles are answered from the corpus it holds. Try again shortly.',
      );
    default:
      return undefined;
  }
}
