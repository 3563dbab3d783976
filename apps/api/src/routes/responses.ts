import type { z } from '@hono/zod-openapi';
import { problemResponses } from '../http/problem';

const notModified = { description: 'Not modified: the copy named by If-None-Match is current.' };

/** The responses of a JSON read: 200 with the schema, 304, 400 for bad parameters, 503 when busy (Node). */
export function jsonRead<S extends z.ZodType>(schema: S, description: string) {
  return {
    200: { description, content: { 'application/json': { schema } } },
    304: notModified,
    ...problemResponses(400, 503),
  };
}

/** A JSON read of one thing, which may not exist (404). */
export function jsonReadOne<S extends z.ZodType>(schema: S, description: string) {
  return { ...jsonRead(schema, description), ...problemResponses(404) };
}
