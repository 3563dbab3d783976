import type { Article } from '../model/article-schema';
import type { ListParams, SearchParams } from './query-params-schema';
import type { ListResult, SearchResult } from './query-result-schema';

/** The query functions every face (library, API, site, TUI) calls. */
export interface Corpus {
  readonly size: number;
  list(params?: ListParams): ListResult;
  get(idOrSlug: string): Article | undefined;
  search(params: SearchParams): SearchResult;
  toSnapshot(): CorpusSnapshot;
}

export interface CorpusSnapshot {
  format: 'gazette-snapshot';
  version: 1;
  articles: Article[];
}
