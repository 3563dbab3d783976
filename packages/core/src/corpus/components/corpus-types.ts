import type { Article } from '../../model/article-schema';
import type {
  ArticleFilters,
  EntitiesParams,
  FacetsParams,
  ListParams,
  QuotesParams,
  RelatedParams,
  SearchParams,
  TimelineParams,
} from '../../query-schema/query-params-schema';
import type {
  EntityDetail,
  EntityListResult,
  Facets,
  ListResult,
  QuoteListResult,
  RelatedResult,
  SearchResult,
  TimelineResult,
} from '../../query-schema/query-result-schema';

/** The query functions every face (library, API, site, TUI) calls. Parameters are validated by zod. */
export interface Corpus {
  readonly size: number;
  list(params?: ListParams): ListResult;
  get(idOrSlug: string): Article | undefined;
  /**
   * Every article matching `filters`, in date order (undated last), one at a time: for builds and exports.
   * No pages and no depth limit; each article is read when the loop reaches it.
   */
  articles(filters?: ArticleFilters, sort?: 'newest' | 'oldest'): Generator<Article, void, undefined>;
  search(params: SearchParams): SearchResult;
  related(idOrSlug: string, params?: RelatedParams): RelatedResult;
  facets(params?: FacetsParams): Facets;
  entities(params?: EntitiesParams): EntityListResult;
  entity(id: string): EntityDetail | undefined;
  quotes(params?: QuotesParams): QuoteListResult;
  timeline(params?: TimelineParams): TimelineResult;
  toSnapshot(): CorpusSnapshot;
}

/**
 * A corpus as bytes: the search index's typed arrays and the articles as compact records, laid end to
 * end, so loading makes views instead of parsing or re-analysing anything. Treat it as opaque; write it
 * to a file as it is.
 */
export type CorpusSnapshot = Uint8Array;

/** The first snapshot format (articles only); loadCorpus still reads it, re-indexing on load. */
export interface CorpusSnapshotV1 {
  format: 'gazette-snapshot';
  version: 1;
  articles: Article[];
}
