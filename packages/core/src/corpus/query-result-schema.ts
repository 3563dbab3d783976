import { z } from 'zod';
import { ArticleSchema } from '../model/article-schema';
import { FacetNameSchema } from './query-params-schema';

/** What a list shows of an article: enough for a row or a card, derived from the Article schema. */
export const ArticleSummarySchema = ArticleSchema.pick({
  id: true,
  slug: true,
  title: true,
  titleSource: true,
  standfirst: true,
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

export const ListResultSchema = listResultSchema(ArticleSummarySchema).meta({ id: 'ArticleList' });
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

export const SearchResultSchema = z
  .object({
    total: z.number().int().nonnegative(),
    hits: z.array(SearchHitSchema),
    facets: FacetsSchema,
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;
