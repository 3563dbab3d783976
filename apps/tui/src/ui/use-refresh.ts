import type { MutableRefObject } from 'react';
import { useCallback, useEffect, useRef } from 'react';
import type { PageLoader } from '../source/article-pages';
import { reselect } from './news-state';
import { fresh, type PagesState, readAgain, rowAt } from './pages-state';

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

/** What a refresh shares with the list's own loading (see usePages). */
export interface PagesCore<T> {
  current: MutableRefObject<PageLoader<T> | undefined>;
  stateRef: MutableRefObject<PagesState<T>>;
  /** The loader reading a page now: one read at a time per loader (its cursor is its own). */
  busy: MutableRefObject<PageLoader<T> | undefined>;
  /** The load in flight: a refresh waits for it. */
  inflight: MutableRefObject<Promise<void> | undefined>;
  settle: (mine: PageLoader<T>, change: (base: PagesState<T>) => PagesState<T>) => void;
}

/**
 * A list's refresh: when the generation changes, its rows are read again and swapped in, the selection
 * following its article; and the anchor of a list come back to, followed once by the first page
 * (`followAnchor`, called by the list's first load).
 */
export function useRefresh<T>(core: PagesCore<T>, selected: number, refresh: Refresh<T> | undefined) {
  const { current, stateRef, busy, inflight, settle } = core;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const anchor = useRef(refresh?.anchor);
  const followAnchor = useCallback((rows: readonly T[]) => {
    const r = refreshRef.current;
    const id = anchor.current;
    anchor.current = undefined;
    if (!r || id === undefined) return;
    const found = rows.findIndex((row) => r.idOf(row) === id);
    if (found >= 0 && found !== selectedRef.current) r.reselect(found);
  }, []);

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
    [settle, current, stateRef, busy, inflight],
  );
  const seen = useRef(refresh?.generation);
  const generation = refresh?.generation;
  useEffect(() => {
    const r = refreshRef.current;
    if (!r || generation === seen.current) return;
    seen.current = generation;
    void refill(r);
  }, [generation, refill]);

  return { followAnchor };
}
