import type { ArticleFilters, FacetName, SearchHit } from '@gazette/core/query';
import type { PageLoader, PageResult } from './article-pages';
import type { GazetteSource } from './gazette-source';

/** The facets the search screen offers as filters. */
export const SEARCH_FACETS: readonly FacetName[] = ['person', 'place', 'organization', 'source'];
/** Values per facet the search screen lists. */
export const SEARCH_FACET_VALUES = 8;

/** Pages of hits of one query. */
export type SearchLoader = PageLoader<SearchHit> & {
  /** The query it reads (rows keep the marks of the query that found them). */
  readonly q: string;
  /** Set from the first page, before its rows are handed over: the count is a lower bound ("or more"). */
  partial: boolean;
  /**
   * Reads the first page now; once it is in, it is the loader's `first` (a list given the loader shows
   * it at once). A list asking for the first page before then gets this same read.
   */
  prefetch: () => Promise<PageResult<SearchHit>>;
};

/**
 * Pages of search hits for one query, `limit` a page. Facets are not asked here: they are counted over
 * every match, which a keystroke should not wait for (the search screen asks them once typing pauses).
 */
export function searchPages(
  source: GazetteSource,
  q: string,
  filters: ArticleFilters,
  limit = 50,
): SearchLoader {
  let cursor: string | undefined;
  const read = async (loaded: readonly SearchHit[]): Promise<PageResult<SearchHit>> => {
    // From the start again (a refresh): the cursor of the last page read belongs to the old rows.
    if (loaded.length === 0) cursor = undefined;
    // The same parameters on every page: a cursor belongs to one exact query.
    const r = await source.search({ q, filters, limit, ...(cursor ? { cursor } : {}) });
    if (loaded.length === 0) loader.partial = r.partial;
    // By relevance the core stops giving cursors at its depth limit: the list ends there.
    cursor = r.nextCursor ?? undefined;
    return { items: r.hits, ...(loaded.length === 0 ? { total: r.total } : {}), done: !cursor };
  };
  let pending: Promise<PageResult<SearchHit>> | undefined;
  const load: PageLoader<SearchHit> = (loaded) => {
    if (loaded.length > 0 || !pending) return read(loaded);
    const p = pending;
    pending = undefined;
    return p;
  };
  const prefetch = () => {
    const p = read([]);
    pending = p;
    p.then(
      (page) => {
        // Taken by a list meanwhile: that list has the page already.
        if (pending === p) {
          pending = undefined;
          loader.first = page;
        }
      },
      () => {},
    );
    return p;
  };
  const loader: SearchLoader = Object.assign(load, { q, partial: false, prefetch });
  return loader;
}
