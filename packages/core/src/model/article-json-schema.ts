import { z } from 'zod';
import { ArticleSchema } from './article-schema';

/** The Article model as JSON Schema (draft 2020-12), for users who validate outside TypeScript. */
export function articleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ArticleSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
