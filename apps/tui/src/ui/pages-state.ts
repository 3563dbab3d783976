// The state of a list read page by page (see usePages), and the reads it is made of.
import type { PageLoader } from '../source/article-pages';

export interface PagesState<T> {
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

/** The state of a list before its loader has read a page (or with the first page it came with). */
export const fresh = <T>(owner: PageLoader<T> | undefined): PagesState<T> => {
  const first = owner?.first;
  return {
    owner,
    items: first?.items ?? [],
    tail: [],
    noTail: !owner?.tail,
    total: first ? (first.total ?? first.items.length) : 0,
    done: first ? first.done : !owner,
    ready: Boolean(first) || !owner,
    loading: Boolean(owner) && !first,
    error: undefined,
  };
};

/** Row `i` of the list, if loaded (from the start, or from the end). */
export function rowAt<T>(state: PagesState<T>, i: number): T | undefined {
  if (i < state.items.length) return state.items[i];
  const first = state.total - state.tail.length;
  return state.tail.length && i >= first ? state.tail[i - first] : undefined;
}

/** Reads the list again from the start until `found` says the rows hold the one sought, or `want` rows are read. */
export async function readAgain<T>(
  mine: PageLoader<T>,
  want: number,
  found: (rows: readonly T[]) => boolean,
) {
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
