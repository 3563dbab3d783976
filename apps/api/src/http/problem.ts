import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The kinds of problem the API answers with; each has a stable `type` documented at /docs. */
export const PROBLEMS = {
  'invalid-parameter': { status: 400, title: 'A parameter is invalid' },
  'invalid-cursor': { status: 400, title: 'The cursor is invalid' },
  'invalid-body': { status: 400, title: 'The request body is invalid' },
  'bad-request': { status: 400, title: 'The request is not valid HTTP' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'uri-too-long': { status: 414, title: 'The request URL is too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'too-many-requests': { status: 429, title: 'Too many requests of this kind at once' },
  'request-header-fields-too-large': { status: 431, title: 'The request headers are too large' },
  internal: { status: 500, title: 'Internal error' },
  'not-live': { status: 501, title: 'This server follows no store' },
  'server-busy': { status: 503, title: 'The server is busy' },
  'store-unavailable': { status: 503, title: 'The store cannot be read now' },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI reference naming the kind of problem; documented at /docs.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What is wrong and how to fix it. Never echoes the input.'),
    parameter: z.string().optional().describe('The parameter at fault, when there is one.'),
    errors: z
      .array(z.object({ parameter: z.string(), detail: z.string() }))
      .optional()
      .describe('Every invalid parameter, when there are several.'),
    requestId: z.string().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(kind: ProblemKind): string {
  return `/docs#problem-${kind}`;
}

/** An RFC 9457 problem object. `detail` is written by the API, never copied from the request. */
export function problem(
  kind: ProblemKind,
  detail: string,
  extra: { parameter?: string; errors?: Problem['errors']; requestId?: string } = {},
): Problem {
  const { status, title } = PROBLEMS[kind];
  return { type: problemType(kind), title, status, detail, ...extra };
}

/**
 * Answers with a problem through the context, so the headers middleware already set (request id, CORS)
 * are kept; the request id goes into the body too, for reports.
 */
export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  const withId: Problem = { ...body, requestId: c.get('requestId') };
  return c.body(JSON.stringify(withId), body.status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
    ...headers,
  });
}

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } };
type ProblemStatus = 400 | 404 | 413 | 415 | 429 | 501 | 503;

/** The problem responses of a route, for the OpenAPI document (and the typed client). */
export function problemResponses<const S extends ProblemStatus[]>(
  ...statuses: S
): { [K in S[number]]: { description: string; content: typeof problemContent } } {
  const out: Record<number, { description: string; content: typeof problemContent }> = {};
  for (const s of statuses) {
    const entry = Object.values(PROBLEMS).find((p) => p.status === s);
    out[s] = { description: entry?.title ?? 'Problem', content: problemContent };
  }
  return out as { [K in S[number]]: { description: string; content: typeof problemContent } };
}
