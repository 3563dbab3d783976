// The routes' query schemas, derived from the core's params schemas by the codec the client shares
// (client/query-codec): each parameter validated by the core's own field schema, once read from its text.
import {
  type ArticleFilters,
  ArticleFiltersSchema,
  ListParamsSchema,
  SearchParamsSchema,
} from '@gazette/core/query';
import { z } from '@hono/zod-openapi';
import { decodeValue, nestQuery, type QueryField, queryFields } from './client/query-codec';

/** Lists are refused past this many characters, before being split into items. */
const MAX_LIST_CHARS = 200;

/** One query parameter: its text read as the codec reads it, then checked by the core's schema of it. */
function parameterSchema(field: QueryField, description: string | undefined): z.ZodType {
  let s: z.ZodType;
  if (field.kind === 'string') s = field.schema;
  else if (field.kind === 'number' || field.kind === 'boolean') {
    const kind = field.kind;
    s = z.preprocess((v) => (typeof v === 'string' ? decodeValue(kind, v) : v), field.schema);
  } else
    s = z
      .string()
      .max(MAX_LIST_CHARS)
      .transform((v) => decodeValue('list', v))
      .pipe(field.schema);
  if (field.kind !== 'string' && field.schema.isOptional()) s = s.optional();
  return description ? s.describe(description) : s;
}

/** The flat query schema of a params schema (for validation and the OpenAPI document). */
export function querySchemaOf(params: z.ZodObject, descriptions: Readonly<Record<string, string>> = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of queryFields(params))
    shape[field.name] = parameterSchema(field, descriptions[field.name]);
  return z.object(shape);
}

/** What a feed takes: a query (term-limited, as search's), the list filters and a page size. */
const FeedParamsSchema = z.object({
  q: SearchParamsSchema.shape.q.optional(),
  filters: ArticleFiltersSchema.optional(),
  limit: ListParamsSchema.shape.limit,
});

export const FeedQuerySchema = querySchemaOf(FeedParamsSchema, {
  q: 'Only articles matching this query; newest first.',
  limit: 'Page size.',
}) as unknown as z.ZodObject<
  {
    [K in 'q' | keyof ArticleFilters]: z.ZodOptional<z.ZodString>;
  } & { limit: z.ZodOptional<z.ZodNumber> }
>;

/** The core's `filters` object from a feed's flat query (absent fields left out). */
export function toFilters(q: Readonly<Record<string, unknown>>): ArticleFilters | undefined {
  return nestQuery(FeedParamsSchema, q).filters as ArticleFilters | undefined;
}

/** Drops undefined values: the core's schemas are strict and the model uses exactOptionalPropertyTypes. */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
