import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageLoader } from '../source/article-pages';

export interface Pages<T> {
  items: readonly T[];
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

interface PagesState<T> {
  /** The loader these rows came from: rows of an older loader are never shown. */
  owner: PageLoader<T> | undefined;
  items: readonly T[];
  total: number;
  done: boolean;
  ready: boolean;
  loading: boolean;
  error: string | undefined;
}

const fresh = <T>(owner: PageLoader<T> | undefined): PagesState<T> => ({
  owner,
  items: [],
  total: 0,
  done: !owner,
  ready: !owner,
  loading: Boolean(owner),
  error: undefined,
});

/**
 * Rows loaded page by page as the user scrolls; a new loader starts over and drops stale answers. One
 * state object, set once per page, so a keystroke costs as few renders as possible.
 */
export function usePages<T>(loader: PageLoader<T> | undefined, selected = 0): Pages<T> {
  const [state, setState] = useState<PagesState<T>>(() => fresh(loader));
  const current = useRef(loader);
  current.current = loader;
  // Rows of another loader are not these rows: seen as empty until the new loader's first page lands.
  const view = state.owner === loader ? state : fresh(loader);
  const stateRef = useRef(view);
  stateRef.current = view;
  const busy = useRef<PageLoader<T> | undefined>(undefined);

  const load = useCallback(async () => {
    const mine = current.current;
    if (!mine || busy.current === mine) return;
    const before = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
    if (before.done) return;
    busy.current = mine;
    try {
      const page = await mine(before.items);
      if (current.current !== mine) return;
      const base = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
      const next: PagesState<T> = {
        owner: mine,
        items: [...base.items, ...page.items],
        total: page.total ?? base.total,
        done: page.done,
        ready: true,
        loading: false,
        error: undefined,
      };
      stateRef.current = next;
      setState(next);
    } catch (e) {
      if (current.current !== mine) return;
      const base = stateRef.current.owner === mine ? stateRef.current : fresh(mine);
      const next = {
        ...base,
        owner: mine,
        done: true,
        ready: true,
        loading: false,
        error: (e as Error).message,
      };
      stateRef.current = next;
      setState(next);
    } finally {
      if (busy.current === mine) busy.current = undefined;
    }
  }, []);

  useEffect(() => {
    if (!loader) return;
    // Deferred a tick: keys typed in a burst give one query, not one per key.
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, [loader, load]);

  // More rows when the selection nears the end of what is loaded (and again after each page lands).
  const loadedCount = view.owner === loader ? view.items.length : 0;
  useEffect(() => {
    // The first page is the loader effect's (deferred) job.
    if (loadedCount > 0 && selected >= loadedCount - AHEAD) void load();
  }, [selected, loadedCount, load]);

  const count = view.done ? view.items.length : Math.max(view.total, view.items.length);
  return {
    items: view.items,
    total: view.total,
    count,
    loading: view.loading,
    ready: view.ready,
    error: view.error,
  };
}
