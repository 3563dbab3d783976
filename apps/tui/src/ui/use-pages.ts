import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageLoader } from '../source/article-pages';
import { reselect } from './news-state';

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

const AHEAD = 30;

/**
 * A refresh in place: when `generation` changes, the rows are read again from the start (as far as the
 * selected row, within MAX_REFILL rows) and swapped in at once, and the selection follows its article.
 */
export interface Refresh<T> {
  generation: number;
  idOf: (item: T) => string;
  reselect: (index: number) => void;
  /**
   * The article selected when this list was last shown (a screen come back to): when the first page
   * holds it elsewhere (new articles came meanwhile), the selection follows it there.
   */
  anchor?: string | undefined;
}

/** Rows read again at most by a refresh: past them, the selection keeps its position instead. */
export const MAX_REFILL = 1000;

interface PagesState<T> {
  /** The loader these rows came from: rows of an older loader are never shown. */
  owner: PageLoader<T> | undefined;
  items: readonly T[];
  /** Rows loaded from the end of the list (its last `tail.length` rows), until they meet `items`. */
  tail: readonly T[];
  /** The loader cannot read from the end: rows come from the start only. */
  noTail: boolean;
  total: number;
  done: boolean;
  ready: boolean;
  loading: boolean;
  error: string | undefined;
}

const fresh = <T>(owner: PageLoader<T> | undefined): PagesState<T> => ({
  owner,
  items: [],
  tail: [],
  noTail: !owner?.tail,
  total: 0,
  done: !owner,
  ready: !owner,
  loading: Boolean(owner),
  error: undefined,
});

/** Row `i` of the list, if loaded (from the start, or from the end). */
function rowAt<T>(state: PagesState<T>, i: number): T | undefined {
  if (i < state.items.length) return state.items[i];
  const first = state.total - state.tail.length;
  return state.tail.length && i >= first ? state.tail[i - first] : undefined;
}

/** Reads the list again from the start until `found` says the rows hold the one sought, or `want` rows are read. */
async function readAgain<T>(mine: PageLoader<T>, want: number, found: (rows: readonly T[]) => boolean) {
  const items: T[] = [];
  let total: number | undefined;
  let done = false;
  do {
    const page = await mine(items);
    total ??= page.total;
    items.push(...page.items);
    done = page.done;
    if (found(page.items)) break;
  } while (!done && items.length < want);
  return { items, total: total ?? items.length, done };
}

/**
 * Rows loaded page by page as the user scrolls; a new loader starts over and drops stale answers. One
 * state object, set once per page, so a keystroke costs as few renders as possible. With `refresh`, the
 * rows are read again in place when its generation changes (the old rows stay shown meanwhile).
 */
export function usePages<T>(loader: PageLoader<T> | undefined, selected = 0, refresh?: Refresh<T>): Pages<T> {
  const [state, setState] = useState<PagesState<T>>(() => fresh(loader));
  const current = useRef(loader);
  current.current = loader;
  // Rows of another loader are not these rows: seen as empty until the new loader's first page lands.
  const view = state.owner === loader ? state : fresh(loader);
  const stateRef = useRef(view);
  stateRef.current = view;
  const busy = useRef<PageLoader<T> | undefined>(undefined);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  // Followed once, by the first page of the first loader.
  const anchor = useRef(refresh?.anchor);
  const followAnchor = useCallback((rows: readonly T[]) => {
    const r = refreshRef.current;
    const id = anchor.current;
    anchor.current = undefined;
    if (!r || id === undefined) return;
    const found = rows.findIndex((row) => r.idOf(row) === id);
    if (found >= 0 && found !== selectedRef.current) r.reselect(found);
  }, []);
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

  const refill = useCallback(
    async (r: Refresh<T>) => {
      while (inflight.current) await inflight.current;
      const mine = current.current;
      if (!mine || busy.current === mine) return;
      const before = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
      const at = selectedRef.current;
      const row = rowAt(before, at);
      const anchor = row === undefined ? undefined : r.idOf(row);
      busy.current = mine;
      try {
        const want = Math.min(MAX_REFILL, Math.max(before.items.length, at + 1, 1));
        const again = await readAgain(mine, want, (rows) => rows.some((x) => r.idOf(x) === anchor));
        if (current.current !== mine) return;
        settle(mine, () => ({ ...fresh(mine), ...again, ready: true, loading: false }));
        r.reselect(reselect(anchor, again.items.map(r.idOf), at));
      } catch (e) {
        // The rows shown stay; the error says why they were not refreshed.
        settle(mine, (base) => ({ ...base, error: (e as Error).message }));
      } finally {
        if (busy.current === mine) busy.current = undefined;
      }
    },
    [settle],
  );
  const seen = useRef(refresh?.generation);
  const generation = refresh?.generation;
  useEffect(() => {
    const r = refreshRef.current;
    if (!r || generation === seen.current) return;
    seen.current = generation;
    void refill(r);
  }, [generation, refill]);

  useEffect(() => {
    if (!loader) return;
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
    if (selected < headCount - AHEAD || selected >= gapEnd + AHEAD) return;
    void load(!noTail && selected - headCount > gapEnd - selected ? 'end' : 'start');
  }, [selected, headCount, gapEnd, noTail, load]);

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
