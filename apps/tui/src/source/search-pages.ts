import type { ArticleFilters, FacetName, Facets, SearchHit } from '@gazette/core/query';
import type { PageLoader } from './article-pages';
import type { GazetteSource } from './gazette-source';

/** The facets the search screen offers as filters. */
export const SEARCH_FACETS: readonly FacetName[] = ['person', 'place', 'organization', 'source'];

/** Pages of search hits for one query; the first page's facets (and whether it is partial) go to `onFirst`. */
export function searchPages(
  source: GazetteSource,
  q: string,
  filters: ArticleFilters,
  onFirst: (facets: Facets, partial: boolean) => void,
  limit = 50,
): PageLoader<SearchHit> {
  let cursor: string | undefined;
  return async (loaded) => {
    // From the start again (a refresh): the cursor of the last page read belongs to the old rows.
    if (loaded.length === 0) cursor = undefined;
    // The same parameters on every page: a cursor belongs to one exact query.
    const r = await source.search({
      q,
      filters,
      limit,
      facets: [...SEARCH_FACETS],
      ...(cursor ? { cursor } : {}),
    });
    if (loaded.length === 0) onFirst(r.facets, r.partial);
    // By relevance the core stops giving cursors at its depth limit: the list ends there.
    cursor = r.nextCursor ?? undefined;
    return { items: r.hits, ...(loaded.length === 0 ? { total: r.total } : {}), done: !cursor };
  };
}
