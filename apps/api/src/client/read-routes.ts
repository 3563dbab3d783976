import {
  ArticleSchema,
  type Corpus,
  EntitiesParamsSchema,
  EntityDetailSchema,
  EntityListResultSchema,
  FacetsParamsSchema,
  FacetsSchema,
  ListParamsSchema,
  ListResultSchema,
  QuotesParamsSchema,
  QuoteListResultSchema,
  RelatedParamsSchema,
  RelatedResultSchema,
  SearchParamsSchema,
  SearchResultSchema,
  TimelineParamsSchema,
  TimelineResultSchema,
} from '@gazette/core/query';
import type { z } from 'zod';

/** The corpus's query functions served as GET reads. */
export type ReadName =
  | 'list'
  | 'get'
  | 'related'
  | 'search'
  | 'facets'
  | 'entities'
  | 'entity'
  | 'quotes'
  | 'timeline';

/**
 * One read of the API: the corpus function it serves, at which path, with which parameters and result,
 * all the core's own schemas. The server routes it, the client calls it: one table for both.
 */
export interface ReadRoute {
  /** With `{id}` when the function takes an id or slug first. */
  readonly path: `/v1/${string}`;
  /** The core's params schema, read from the query string (see query-codec); none when it takes none. */
  readonly params?: z.ZodObject;
  readonly result: z.ZodType;
  /** The function answers undefined for an unknown id: the API answers 404, the client undefined. */
  readonly mayBeMissing?: boolean;
  /** For the OpenAPI document. */
  readonly doc: {
    readonly tag: 'Articles' | 'Search' | 'Entities' | 'Quotes';
    readonly summary: string;
    readonly description?: string;
    readonly result: string;
    /** Descriptions of path and query parameters where the API says more than the core's schema. */
    readonly fields?: Readonly<Record<string, string>>;
  };
}

const PAGE = { limit: 'Page size.', cursor: 'Opaque; the `nextCursor` of the previous page.' };
const ID = { id: 'An article id (a_…) or slug.' };
const FACETS = 'Comma-separated facet names';

export const READ_ROUTES = {
  list: {
    path: '/v1/articles',
    params: ListParamsSchema,
    result: ListResultSchema,
    doc: {
      tag: 'Articles',
      summary: 'List articles',
      description: 'Newest or oldest first, filtered; pages with `nextCursor`.',
      result: '`{ total, items, nextCursor }`',
      fields: PAGE,
    },
  },
  get: {
    path: '/v1/articles/{id}',
    result: ArticleSchema,
    mayBeMissing: true,
    doc: { tag: 'Articles', summary: 'One article, by id or slug', result: 'The article.', fields: ID },
  },
  related: {
    path: '/v1/articles/{id}/related',
    params: RelatedParamsSchema,
    result: RelatedResultSchema,
    doc: {
      tag: 'Articles',
      summary: 'Articles related to one',
      result: 'Related articles, best first.',
      fields: { ...ID, limit: PAGE.limit },
    },
  },
  search: {
    path: '/v1/search',
    params: SearchParamsSchema,
    result: SearchResultSchema,
    doc: {
      tag: 'Search',
      summary: 'Search articles',
      description:
        'The core query language, the list filters, facet counts and snippets with highlight offsets (plain text, never HTML).',
      result: "The core's search result.",
      fields: {
        ...PAGE,
        q: 'The query: words, "phrases", and the operators of the core query language.',
        facets: `${FACETS} to count: ${SearchParamsSchema.shape.facets.unwrap().element.options.join(', ')}.`,
      },
    },
  },
  facets: {
    path: '/v1/facets',
    params: FacetsParamsSchema,
    result: FacetsSchema,
    doc: {
      tag: 'Search',
      summary: 'Facet counts for a query',
      result: 'For each facet, its values with counts.',
      fields: { q: 'Count only articles matching this query.', facets: `${FACETS}; all when absent.` },
    },
  },
  entities: {
    path: '/v1/entities',
    params: EntitiesParamsSchema,
    result: EntityListResultSchema,
    doc: {
      tag: 'Entities',
      summary: 'People, organisations and places',
      result: '`{ total, items, nextCursor }`',
      fields: PAGE,
    },
  },
  entity: {
    path: '/v1/entities/{id}',
    result: EntityDetailSchema,
    mayBeMissing: true,
    doc: {
      tag: 'Entities',
      summary: 'One entity: its articles, its quotes, the entities it appears with',
      result: 'The entity.',
      fields: { id: 'An entity id.' },
    },
  },
  quotes: {
    path: '/v1/quotes',
    params: QuotesParamsSchema,
    result: QuoteListResultSchema,
    doc: {
      tag: 'Quotes',
      summary: 'Quotations, by speaker or by words',
      result: '`{ total, items, nextCursor }`',
      fields: PAGE,
    },
  },
  timeline: {
    path: '/v1/timeline',
    params: TimelineParamsSchema,
    result: TimelineResultSchema,
    doc: {
      tag: 'Search',
      summary: 'Article counts over time for a query',
      result: 'Buckets by day, week or month.',
      fields: { q: 'Count only articles matching this query.' },
    },
  },
} as const satisfies Record<ReadName, ReadRoute>;

/** Whether a read's path names one thing by id (`{id}`): its function takes the id first. */
export const takesId = (route: ReadRoute): boolean => route.path.includes('{id}');

/** The corpus function behind each read, as the API calls it and the client mirrors it. */
export type ReadFunctions = Pick<Corpus, ReadName>;
