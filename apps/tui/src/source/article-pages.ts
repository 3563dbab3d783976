import { type ArticleFilters, type ArticleSummary, MAX_CURSOR_OFFSET } from '@gazette/core/query';
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

/** Loads the next page given what is loaded so far; `tail`, when there is one, loads from the end. */
export type PageLoader<T> = ((loaded: readonly T[]) => Promise<PageResult<T>>) & { tail?: TailLoader<T> };

const PAGE = 100;
// Rows wanted from the end per load: fewer than a page, so one page usually also shows where a date ends.
const TAIL_ROWS = 80;

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
  const head: PageLoader<ArticleSummary> = async (loaded) => {
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
  head.tail = articleTail(source, sort, base);
  return head;
}

// Orders as the core's compareNewest / compareOldest do (dated rows only: the tail is read only when every row has a date).
const byId = (a: ArticleSummary, b: ArticleSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDER = {
  newest: (a: ArticleSummary, b: ArticleSummary) =>
    a.publishedAt! === b.publishedAt! ? byId(a, b) : a.publishedAt! < b.publishedAt! ? 1 : -1,
  oldest: (a: ArticleSummary, b: ArticleSummary) =>
    a.publishedAt! === b.publishedAt! ? byId(a, b) : a.publishedAt! < b.publishedAt! ? -1 : 1,
};

/**
 * The end of a date-ordered list, read from its other end: the last rows of `newest` are the first of
 * `oldest` (and the other way round), except that rows of the same date come in id order in both sorts. So
 * each load takes whole groups of rows of one date, at least a page of them, in the other sort, and orders
 * them as this list does. Undated rows come last in both sorts and cannot be reached that way: with any in
 * the list, this answers undefined.
 */
function articleTail(
  source: GazetteSource,
  sort: 'newest' | 'oldest',
  base: ArticleFilters,
): TailLoader<ArticleSummary> {
  const other = sort === 'newest' ? 'oldest' : 'newest';
  let checked: Promise<boolean> | undefined;
  return async (tail, total) => {
    // The date filters below would clash with dates in the list's own filters.
    if (base.after || base.before) return undefined;
    // Every row dated? (`before: 9999` keeps exactly the dated ones.)
    checked ??= source
      .list({ limit: 1, filters: { ...base, before: '9999' } })
      .then((r) => r.total === total);
    if (!(await checked)) return undefined;
    const anchor = tail[0]?.publishedAt;
    // Rows beyond the first date of the tail, toward the middle of the list: later dates for `newest`
    // (`after` includes the anchor's own date; its rows are all loaded already), earlier ones for `oldest`.
    const beyond = anchor ? (other === 'oldest' ? { after: anchor } : { before: anchor }) : {};
    const out: ArticleSummary[] = [];
    let cursor: string | undefined;
    let read = 0;
    for (;;) {
      const r = await source.list({
        sort: other,
        limit: PAGE,
        filters: { ...base, ...beyond },
        ...(cursor ? { cursor } : {}),
      });
      read += r.items.length;
      let full = false;
      for (const item of r.items) {
        if (item.publishedAt === anchor) continue;
        // Enough rows, and the date group of the last one complete: the order within it is then known.
        if (out.length >= TAIL_ROWS && item.publishedAt !== out[out.length - 1]!.publishedAt) {
          full = true;
          break;
        }
        out.push(item);
      }
      if (full || !r.nextCursor) break;
      // One date with more rows than cursors reach: give up rather than show them out of order.
      if (read + PAGE > MAX_CURSOR_OFFSET) return undefined;
      cursor = r.nextCursor;
    }
    return { items: out.sort(ORDER[sort]) };
  };
}
