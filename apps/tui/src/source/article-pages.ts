import type { ArticleFilters, ArticleSummary } from '@gazette/core/query';
import type { GazetteSource } from './gazette-source';

export interface PageResult<T> {
  items: T[];
  /** Set by the first page: how many there are in all. */
  total?: number;
  done: boolean;
}

/**
 * Loads the rows just before `tail` (the rows at the end of the list loaded so far, [] at first), so that
 * the end of a long list is reached without reading everything before it. Answers undefined when it cannot
 * (the caller then reads from the start).
 */
export type TailLoader<T> = (tail: readonly T[], total: number) => Promise<{ items: T[] } | undefined>;

/**
 * Loads the next page given what is loaded so far; `tail`, when there is one, loads from the end; `first`,
 * when there is one, is the first page read before the loader was handed to a list (search as you type
 * reads it before it shows the text typed, so both show in one frame).
 */
export type PageLoader<T> = ((loaded: readonly T[]) => Promise<PageResult<T>>) & {
  tail?: TailLoader<T>;
  first?: PageResult<T>;
};

const PAGE = 100;

/**
 * Pages through every article in date order, from the start with the core's cursors (any depth), and from
 * the end with the same list read in reverse, so `G` on 100,000 rows reads one page.
 */
export function articlePages(
  source: GazetteSource,
  sort: 'newest' | 'oldest',
  filters: ArticleFilters | undefined,
): PageLoader<ArticleSummary> {
  const base = filters ?? {};
  let cursor: string | undefined;
  const head: PageLoader<ArticleSummary> = async (loaded) => {
    if (loaded.length === 0) cursor = undefined;
    const r = await source.list({ sort, limit: PAGE, filters: base, ...(cursor ? { cursor } : {}) });
    cursor = r.nextCursor ?? undefined;
    return { items: r.items, ...(loaded.length === 0 ? { total: r.total } : {}), done: !cursor };
  };
  // The cursor to the rows before each page read from the end, by the id of the page's first row.
  const before = new Map<string, string | null>();
  head.tail = async (tail) => {
    const back = tail.length ? before.get(tail[0]!.id) : undefined;
    if (back === null) return { items: [] };
    // Rows this loader did not read: it has no cursor to the rows before them.
    if (tail.length && back === undefined) return undefined;
    const r = await source.list({
      sort,
      reverse: true,
      limit: PAGE,
      filters: base,
      ...(back ? { cursor: back } : {}),
    });
    const items = r.items.reverse();
    if (items.length) before.set(items[0]!.id, r.nextCursor);
    return { items };
  };
  return head;
}
