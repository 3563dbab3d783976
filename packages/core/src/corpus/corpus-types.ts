import type { Article } from '../model/article-schema';
import type { SnapshotIndex } from '../search/snapshot-codec';
import type {
  EntitiesParams,
  FacetsParams,
  ListParams,
  QuotesParams,
  RelatedParams,
  SearchParams,
  TimelineParams,
} from './query-params-schema';
import type {
  EntityDetail,
  EntityListResult,
  Facets,
  ListResult,
  QuoteListResult,
  RelatedResult,
  SearchResult,
  TimelineResult,
} from './query-result-schema';

/** The query functions every face (library, API, site, TUI) calls. Parameters are validated by zod. */
export interface Corpus {
  readonly size: number;
  list(params?: ListParams): ListResult;
  get(idOrSlug: string): Article | undefined;
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
 * A corpus as plain JSON: the articles (packed; body texts live once in the index's text table) and the
 * search index, so loading decodes arrays instead of re-analysing text. Treat it as opaque.
 */
export interface CorpusSnapshot {
  format: 'gazette-snapshot';
  version: 2;
  /** One JSON string per article, in document order (newest first). */
  articles: string[];
  index: SnapshotIndex;
}

/** The first snapshot format (articles only); loadCorpus still reads it, re-indexing on load. */
export interface CorpusSnapshotV1 {
  format: 'gazette-snapshot';
  version: 1;
  articles: Article[];
}
