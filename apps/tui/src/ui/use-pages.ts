import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageLoader } from '../source/article-pages';
import { fresh, type PagesState, rowAt } from './pages-state';
import { type Refresh, useRefresh } from './use-refresh';

export type { Refresh };

export interface Pages<T> {
  /** The rows loaded from the start. */
  items: readonly T[];
  /** Row `i` of the list, if loaded (from the start, or from the end when the loader can read the end). */
  at: (index: number) => T | undefined;
  /** How many there are, as the source counts them. */
  total: number;
  /** How many rows can be reached: the total, or what was loaded once loading stopped early. */
  count: number;
  loading: boolean;
  /** True once the first page (or an error) has come back. */
  ready: boolean;
  error: string | undefined;
}

/** Rows before the end of those loaded at which the next page is asked (unless the caller says). */
const AHEAD = 30;

/**
 * Rows loaded page by page as the user scrolls; a new loader starts over and drops stale answers. One
 * state object, set once per page, so a keystroke costs as few renders as possible. With `refresh`, the
 * rows are read again in place when its generation changes (the old rows stay shown meanwhile).
 */
export function usePages<T>(
  loader: PageLoader<T> | undefined,
  selected = 0,
  refresh?: Refresh<T>,
  ahead = AHEAD,
): Pages<T> {
  const [state, setState] = useState<PagesState<T>>(() => fresh(loader));
  const current = useRef(loader);
  current.current = loader;
  // Rows of another loader are not these rows: seen as empty until the new loader's first page lands.
  const view = state.owner === loader ? state : fresh(loader);
  const stateRef = useRef(view);
  stateRef.current = view;
  const busy = useRef<PageLoader<T> | undefined>(undefined);
  // The load in flight: a refresh waits for it, as the loader reads one page at a time.
  const inflight = useRef<Promise<void> | undefined>(undefined);

  const settle = useCallback((mine: PageLoader<T>, change: (base: PagesState<T>) => PagesState<T>) => {
    if (current.current !== mine) return;
    const base = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
    let next = change(base);
    // The rows from the start and those from the end meet: one list again.
    if (next.tail.length && next.items.length + next.tail.length >= next.total) {
      const overlap = next.items.length + next.tail.length - next.total;
      next = { ...next, items: [...next.items, ...next.tail.slice(overlap)], tail: [], done: true };
    }
    stateRef.current = next;
    setState(next);
  }, []);

  const { followAnchor } = useRefresh({ current, stateRef, busy, inflight, settle }, selected, refresh);

  const load = useCallback(
    async (from: 'start' | 'end' = 'start') => {
      const mine = current.current;
      if (!mine || busy.current === mine) return;
      const before = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
      if (before.done) return;
      busy.current = mine;
      let finish = () => {};
      inflight.current = new Promise<void>((resolve) => {
        finish = resolve;
      });
      try {
        if (from === 'end' && mine.tail && !before.noTail) {
          const page = await mine.tail(before.tail, before.total);
          // Nothing from the end (it cannot, or found no more rows): the rows come from the start instead.
          settle(mine, (base) =>
            page?.items.length
              ? { ...base, tail: [...page.items, ...base.tail], loading: false }
              : { ...base, noTail: true },
          );
        } else {
          const page = await mine(before.items);
          settle(mine, (base) => ({
            ...base,
            items: [...base.items, ...page.items],
            total: page.total ?? base.total,
            done: page.done,
            ready: true,
            loading: false,
            error: undefined,
          }));
          if (before.items.length === 0) followAnchor(page.items);
        }
      } catch (e) {
        settle(mine, (base) => ({
          ...base,
          done: true,
          ready: true,
          loading: false,
          error: (e as Error).message,
        }));
      } finally {
        if (busy.current === mine) busy.current = undefined;
        inflight.current = undefined;
        finish();
      }
    },
    [settle, followAnchor],
  );

  useEffect(() => {
    // A loader that came with its first page: the rows after it load as the selection nears them.
    if (!loader || loader.first) return;
    // Deferred a tick: keys typed in a burst give one query, not one per key.
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, [loader, load]);

  // More rows when the selection nears rows not loaded yet: from the start, or (G, then scrolling up) from
  // the end, whichever end is nearer, so reaching the end of 100,000 rows reads one page, not a thousand.
  const mineView = view.owner === loader;
  const headCount = mineView ? view.items.length : 0;
  const tailCount = mineView ? view.tail.length : 0;
  const gapEnd = view.done ? headCount : Math.max(headCount, view.total - tailCount);
  const { noTail } = view;
  useEffect(() => {
    // The first page is the loader effect's (deferred) job.
    if (headCount === 0 || headCount >= gapEnd) return;
    if (selected < headCount - ahead || selected >= gapEnd + ahead) return;
    void load(!noTail && selected - headCount > gapEnd - selected ? 'end' : 'start');
  }, [selected, headCount, gapEnd, noTail, load, ahead]);

  const at = useCallback((i: number): T | undefined => rowAt(view, i), [view]);

  const count = view.done ? view.items.length : Math.max(view.total, view.items.length);
  return {
    items: view.items,
    at,
    total: view.total,
    count,
    loading: view.loading,
    ready: view.ready,
    error: view.error,
  };
}
