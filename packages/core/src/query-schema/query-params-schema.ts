import { z } from 'zod';
import { MIN_STATEMENT_WORDS } from '../text/statement';
import { isGazetteError } from '../errors/gazette-error';
import { IsoDateSchema } from '../model/article-schema';
import { FacetNameSchema } from '../model/facet-name-schema';
import { parsedQuery } from '../search/query/parse-query';
import { foldedWords } from '../search/analysis/folded-words';
import { countTerms } from '../search/query/query-size';
import { WORK_BUDGET } from '../search/query/work-budget';

export const QUERY_LIMITS = {
  maxLimit: 100,
  defaultLimit: 20,
  maxQueryLength: 1000,
  /** Terms of a query once parsed: words, each word of a phrase, dates (see countTerms). */
  maxQueryTerms: 32,
  maxCursorLength: 512,
  ...WORK_BUDGET,
} as const;

/**
 * A query of the query language, bounded in characters and, once parsed, in terms: `(a*)|(b*)|…` written
 * without spaces is as many terms as it has words. The one place the limit is checked, for every face.
 */
export const QueryTextSchema = z
  .string()
  .max(QUERY_LIMITS.maxQueryLength)
  .superRefine((q, ctx) => {
    let tree: ReturnType<typeof parsedQuery>;
    try {
      tree = parsedQuery(q);
    } catch (error) {
      if (isGazetteError(error)) return; // an impossible date: the search reports it, with its offset
      throw error;
    }
    const n = tree ? countTerms(tree) : 0;
    if (n > QUERY_LIMITS.maxQueryTerms)
      ctx.addIssue({
        code: 'custom',
        message: `The query has ${n} terms; at most ${QUERY_LIMITS.maxQueryTerms} (each word, each word of a phrase and each date counts): drop some words or split the search.`,
      });
  });

/** Filters shared by list, search, facets and timeline; each narrows the set of articles. */
export const ArticleFiltersSchema = z
  .object({
    source: z.string().min(1).max(200).optional(),
    section: z.string().min(1).max(200).optional(),
    tag: z.string().min(1).max(200).optional(),
    language: z.string().min(2).max(35).optional(),
    entity: z.string().min(1).max(200).optional().describe('An entity id, or a name or alias of one.'),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code, such as FR')
      .optional()
      .describe(
        'An ISO 3166-1 alpha-2 code: articles naming the country or a place in it (places linked to the gazetteer carry their country).',
      ),
    after: IsoDateSchema.or(z.string().regex(/^\d{4}(-\d{2})?$/))
      .optional()
      .describe('Published on or after.'),
    before: IsoDateSchema.or(z.string().regex(/^\d{4}(-\d{2})?$/))
      .optional()
      .describe('Published before.'),
  })
  .strict()
  .meta({ id: 'ArticleFilters' });
export type ArticleFilters = z.infer<typeof ArticleFiltersSchema>;

export const LimitSchema = z
  .number()
  .int()
  .min(1)
  .max(QUERY_LIMITS.maxLimit)
  .default(QUERY_LIMITS.defaultLimit);
export const CursorSchema = z
  .string()
  .min(1)
  .max(QUERY_LIMITS.maxCursorLength)
  .describe('Opaque; from `nextCursor`.');

export const ListParamsSchema = z
  .object({
    q: z
      .string()
      .max(QUERY_LIMITS.maxQueryLength)
      .optional()
      .describe(
        'Only the articles matching this query (the search language), in date order: no ranking, no snippets.',
      ),
    filters: ArticleFiltersSchema.optional(),
    sort: z.enum(['newest', 'oldest']).default('newest'),
    reverse: z
      .boolean()
      .default(false)
      .describe(
        'The same order read from its end, the last article first: the end of a long list without paging through it.',
      ),
    limit: LimitSchema,
    cursor: CursorSchema.optional(),
  })
  .strict()
  .meta({ id: 'ListParams' });
export type ListParams = z.input<typeof ListParamsSchema>;

export { type FacetName, FacetNameSchema } from '../model/facet-name-schema';

export const SearchParamsSchema = z
  .object({
    q: QueryTextSchema,
    filters: ArticleFiltersSchema.optional(),
    sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
    limit: LimitSchema,
    cursor: CursorSchema.optional(),
    facets: z.array(FacetNameSchema).optional(),
    typos: z
      .enum(['auto', 'off'])
      .default('auto')
      .describe(
        'auto: a word the corpus lacks, or a query that finds nothing as typed, is also read with typos; off: words match only as typed (as alerts match).',
      ),
  })
  .strict()
  .meta({ id: 'SearchParams' });
export type SearchParams = z.input<typeof SearchParamsSchema>;

export const RelatedParamsSchema = z
  .object({ limit: z.number().int().min(1).max(50).default(5), filters: ArticleFiltersSchema.optional() })
  .strict()
  .meta({ id: 'RelatedParams' });
export type RelatedParams = z.input<typeof RelatedParamsSchema>;

export const FacetsParamsSchema = z
  .object({
    q: QueryTextSchema.optional(),
    filters: ArticleFiltersSchema.optional(),
    facets: z.array(FacetNameSchema).optional().describe('Which facets; all when absent.'),
    limit: z.number().int().min(1).max(100).default(10).describe('Values per facet.'),
  })
  .strict()
  .meta({ id: 'FacetsParams' });
export type FacetsParams = z.input<typeof FacetsParamsSchema>;

export const EntitiesParamsSchema = z
  .object({
    type: z.enum(['person', 'organization', 'place', 'other']).optional(),
    prefix: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Names or aliases starting with this (case and accents ignored).'),
    sort: z.enum(['mentions', 'articles', 'name']).default('mentions'),
    limit: LimitSchema,
    cursor: CursorSchema.optional(),
  })
  .strict()
  .meta({ id: 'EntitiesParams' });
export type EntitiesParams = z.input<typeof EntitiesParamsSchema>;

export const QuotesParamsSchema = z
  .object({
    speaker: z.string().min(1).max(200).optional().describe('A speaker entity id or name.'),
    q: z
      .string()
      .min(1)
      .max(QUERY_LIMITS.maxQueryLength)
      .refine((q) => foldedWords(q).length <= QUERY_LIMITS.maxQueryTerms, {
        message: `At most ${QUERY_LIMITS.maxQueryTerms} words: drop some.`,
      })
      .optional()
      .describe('Words the quotation holds, each matching the start of a word ("econ" finds "economy").'),
    article: z.string().min(1).max(200).optional().describe('An article id or slug.'),
    statements: z
      .boolean()
      .optional()
      .describe(
        `Only quotations that read as statements: whole, of at least ${MIN_STATEMENT_WORDS} words (not a word woven into the writer's sentence).`,
      ),
    limit: LimitSchema,
    cursor: CursorSchema.optional(),
  })
  .strict()
  .meta({ id: 'QuotesParams' });
export type QuotesParams = z.input<typeof QuotesParamsSchema>;

export const TimelineParamsSchema = z
  .object({
    q: QueryTextSchema.optional(),
    filters: ArticleFiltersSchema.optional(),
    interval: z.enum(['day', 'week', 'month']).default('month'),
  })
  .strict()
  .meta({ id: 'TimelineParams' });
export type TimelineParams = z.input<typeof TimelineParamsSchema>;
