// Query-string forms of the core's parameter schemas: flat, string-typed, derived field by field from them.
import {
  type ArticleFilters,
  ArticleFiltersSchema,
  EntitiesParamsSchema,
  ListParamsSchema,
  QuotesParamsSchema,
  SearchParamsSchema,
  TimelineParamsSchema,
} from '@gazette/core';
import { z } from '@hono/zod-openapi';
import { API_LIMITS } from './limits';

const F = ArticleFiltersSchema.shape;

export const FilterQuerySchema = z.object({
  source: F.source,
  section: F.section,
  tag: F.tag,
  language: F.language,
  entity: F.entity,
  after: F.after,
  before: F.before,
});

const limit = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: max, default: fallback, description: 'Page size.' });

const cursor = z
  .string()
  .min(1)
  .max(API_LIMITS.maxCursorLength)
  .optional()
  .describe('Opaque; the `nextCursor` of the previous page.');

/** A search query, limited by the core in length and, once parsed, in terms (the one owner of the limit). */
export const SearchTextSchema = SearchParamsSchema.shape.q;

export const ListQuerySchema = FilterQuerySchema.extend({
  sort: ListParamsSchema.shape.sort.optional(),
  reverse: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .openapi({ type: 'boolean', description: ListParamsSchema.shape.reverse.description ?? '' }),
  limit: limit(API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
  cursor,
});

export const SearchQuerySchema = FilterQuerySchema.extend({
  q: SearchTextSchema.describe('The query: words, "phrases", and the operators of the core query language.'),
  sort: SearchParamsSchema.shape.sort.optional(),
  limit: limit(API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
  cursor,
  facets: z
    .string()
    .max(200)
    .optional()
    .describe(
      `Comma-separated facet names to count: ${SearchParamsSchema.shape.facets.unwrap().element.options.join(', ')}.`,
    ),
});

export const RelatedQuerySchema = z.object({ limit: limit(50, 5) });

export const EntitiesQuerySchema = z.object({
  type: EntitiesParamsSchema.shape.type,
  prefix: EntitiesParamsSchema.shape.prefix,
  sort: EntitiesParamsSchema.shape.sort.optional(),
  limit: limit(API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
  cursor,
});

export const QuotesQuerySchema = z.object({
  speaker: QuotesParamsSchema.shape.speaker,
  q: QuotesParamsSchema.shape.q,
  article: QuotesParamsSchema.shape.article,
  limit: limit(API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
  cursor,
});

export const TimelineQuerySchema = FilterQuerySchema.extend({
  q: SearchTextSchema.optional().describe('Count only articles matching this query.'),
  interval: TimelineParamsSchema.shape.interval.optional(),
});

export const FeedQuerySchema = FilterQuerySchema.extend({
  q: SearchTextSchema.optional().describe('Only articles matching this query; newest first.'),
  limit: limit(API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
});

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'An article id (a_…) or slug.' }),
});

export const EntityIdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'An entity id.' }),
});

type FilterQuery = z.infer<typeof FilterQuerySchema>;

/** The core's `filters` object from the flat query (absent fields left out). */
export function toFilters(q: FilterQuery): ArticleFilters | undefined {
  const out: Record<string, string> = {};
  for (const key of Object.keys(FilterQuerySchema.shape) as Array<keyof FilterQuery>) {
    const v = q[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length ? (out as ArticleFilters) : undefined;
}

/** Drops undefined values: the core's schemas are strict and the model uses exactOptionalPropertyTypes. */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
