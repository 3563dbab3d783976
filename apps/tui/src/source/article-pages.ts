import { type ArticleFilters, type ArticleSummary, MAX_CURSOR_OFFSET } from '@gazette/core';
import type { GazetteSource } from './gazette-source';

export interface PageResult<T> {
  items: T[];
  /** Set by the first page: how many there are in all. */
  total?: number;
  done: boolean;
}

/** Loads the next page given what is loaded so far. */
export type PageLoader<T> = (loaded: readonly T[]) => Promise<PageResult<T>>;

const PAGE = 100;

/**
 * Pages through every article in date order. Cursors reach MAX_CURSOR_OFFSET deep; past that it carries on
 * by date (keyset: older than the last row, after the rows sharing its timestamp), so all 100,000 rows of a
 * big corpus can be scrolled, not only the first 10,000.
 */
export function articlePages(
  source: GazetteSource,
  sort: 'newest' | 'oldest',
  filters: ArticleFilters | undefined,
): PageLoader<ArticleSummary> {
  let cursor: string | undefined;
  const base = filters ?? {};
  return async (loaded) => {
    if (loaded.length === 0 || (cursor && loaded.length + PAGE <= MAX_CURSOR_OFFSET)) {
      const r = await source.list({ sort, limit: PAGE, filters: base, ...(cursor ? { cursor } : {}) });
      cursor = r.nextCursor ?? undefined;
      return { items: r.items, ...(loaded.length === 0 ? { total: r.total } : {}), done: !r.nextCursor };
    }
    cursor = undefined;
    const last = loaded[loaded.length - 1]!;
    const at = last.publishedAt;
    if (!at) return { items: [], done: true };
    // Rows with the same timestamp come in id order in both sorts; those after `last` are still to show.
    const same = await source.list({ sort: 'oldest', limit: PAGE, filters: { ...base, after: at } });
    const ties = same.items.filter((a) => a.publishedAt === at && a.id > last.id);
    const rest =
      sort === 'newest'
        ? await source.list({ sort, limit: PAGE, filters: { ...base, before: at } })
        : { ...same, items: same.items.filter((a) => a.publishedAt !== at) };
    const items = [...ties, ...rest.items].slice(0, PAGE);
    return { items, done: items.length === 0 };
  };
}
