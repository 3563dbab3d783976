import { z } from 'zod';
import { ArticleSchema } from '../model/article-schema';
import { CoordinatesSchema } from '../model/entity-schema';
import { FacetNameSchema } from './query-params-schema';

/** What a list shows of an article: enough for a row or a card, derived from the Article schema. */
export const ArticleSummarySchema = ArticleSchema.pick({
  id: true,
  slug: true,
  title: true,
  titleSource: true,
  standfirst: true,
  summary: true,
  byline: true,
  source: true,
  url: true,
  language: true,
  publishedAt: true,
  section: true,
  tags: true,
  wordCount: true,
  readingMinutes: true,
}).meta({ id: 'ArticleSummary' });
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export function listResultSchema<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int().nonnegative(),
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

export const ListResultSchema = listResultSchema(ArticleSummarySchema)
  .extend({
    partial: z
      .boolean()
      .optional()
      .describe(
        'Set when a `q` reached its work budget: some matches were left out and `total` is a lower bound. Narrow the query.',
      ),
  })
  .meta({ id: 'ArticleList' });
export type ListResult = z.infer<typeof ListResultSchema>;

export const HighlightSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SnippetSchema = z
  .object({
    field: z.enum(['title', 'standfirst', 'body', 'quote', 'entity']),
    text: z.string().describe('Plain text, never HTML.'),
    highlights: z.array(HighlightSchema).describe('UTF-16 offsets of the matches in `text`.'),
  })
  .meta({ id: 'Snippet' });
export type Snippet = z.infer<typeof SnippetSchema>;

export const SearchHitSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    score: z.number(),
    snippets: z.array(SnippetSchema),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const FacetCountSchema = z.object({ value: z.string(), count: z.number().int().positive() });
export const FacetsSchema = z
  .partialRecord(FacetNameSchema, z.array(FacetCountSchema))
  .meta({ id: 'Facets' });
export type Facets = z.infer<typeof FacetsSchema>;

/** What every face says of a `partial` search result. */
export const PARTIAL_SEARCH_NOTE =
  'This search reached its work budget, so some matches were left out and the counts are lower bounds: narrow the query (fewer prefix* or misspelt words, or a filter).';

export const SearchResultSchema = z
  .object({
    total: z.number().int().nonnegative(),
    hits: z.array(SearchHitSchema),
    facets: FacetsSchema,
    nextCursor: z.string().nullable(),
    partial: z
      .boolean()
      .describe(
        'True when the query reached its work budget (QUERY_LIMITS.maxQueryWork, maxQueryExpansions): some expansions, documents or facet counts were left out, so `total` and the counts are lower bounds and better hits may be missing. Narrow the query.',
      ),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const RelatedResultSchema = z
  .object({ items: z.array(ArticleSummarySchema.extend({ score: z.number() })) })
  .meta({ id: 'RelatedResult' });
export type RelatedResult = z.infer<typeof RelatedResultSchema>;

export const EntitySummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['person', 'organization', 'place', 'other']),
    aliases: z.array(z.string()),
    countryCode: z.string().optional(),
    coordinates: CoordinatesSchema.optional().describe('Where a place of the gazetteer is.'),
    articleCount: z.number().int().nonnegative(),
    mentionCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'EntitySummary' });
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const EntityListResultSchema = listResultSchema(EntitySummarySchema).meta({ id: 'EntityList' });
export type EntityListResult = z.infer<typeof EntityListResultSchema>;

export const QuoteItemSchema = z
  .object({
    text: z.string(),
    speaker: z.string().optional(),
    speakerEntityId: z.string().optional(),
    verb: z.string().optional(),
    partial: z.boolean(),
    block: z.number().int().nonnegative(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    articleId: z.string(),
    articleSlug: z.string(),
    articleTitle: z.string(),
    publishedAt: z.string().optional(),
  })
  .meta({ id: 'QuoteItem' });
export type QuoteItem = z.infer<typeof QuoteItemSchema>;

export const QuoteListResultSchema = listResultSchema(QuoteItemSchema).meta({ id: 'QuoteList' });
export type QuoteListResult = z.infer<typeof QuoteListResultSchema>;

export const EntityDetailSchema = EntitySummarySchema.extend({
  articles: z.array(ArticleSummarySchema).describe('Newest first, at most 100.'),
  quotes: z.array(QuoteItemSchema).describe('What this entity said (people), at most 100.'),
  coOccurring: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        count: z.number().int().positive(),
        countryCode: z.string().optional(),
        coordinates: CoordinatesSchema.optional(),
      }),
    )
    .describe('Entities that appear in the same articles, by shared articles.'),
}).meta({ id: 'EntityDetail' });
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export const TimelineResultSchema = z
  .object({
    interval: z.enum(['day', 'week', 'month']),
    buckets: z.array(
      z.object({
        start: z.string().describe('ISO date the bucket starts on.'),
        count: z.number().int().nonnegative(),
      }),
    ),
    undated: z.number().int().nonnegative().describe('Matching articles with no publication date.'),
    total: z.number().int().nonnegative(),
    partial: z
      .boolean()
      .describe('As in SearchResult: the query reached its work budget; counts are lower bounds.'),
  })
  .meta({ id: 'TimelineResult' });
export type TimelineResult = z.infer<typeof TimelineResultSchema>;
