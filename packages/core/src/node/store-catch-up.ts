import type { AsyncArticleStore } from '../store/async-store-types';

/** Changes read per page while catching up (the store's largest page). */
const PAGE = 10_000;

/** What the change log holds after a seq: the distinct ids (first-changed first), the last seq, how many changes. */
export interface ChangedSince {
  ids: string[];
  last: number;
  count: number;
}

/** Reads the change log after `since` to its end (or `limit` changes, a multiple of the page, when given). */
export async function changedSince(
  store: AsyncArticleStore,
  since: number,
  limit = Number.POSITIVE_INFINITY,
): Promise<ChangedSince> {
  const ids = new Set<string>();
  let last = since;
  let count = 0;
  while (count < limit) {
    const page = await store.changes(last, PAGE);
    for (const c of page.changes) ids.add(c.id);
    count += page.changes.length;
    last = page.last;
    if (page.changes.length < PAGE) break;
  }
  return { ids: [...ids], last, count };
}

/**
 * The store's revision counter (moved by a trigger on every insert or update of an article, whoever makes
 * it), or undefined for a store without one. Every Gazette write that adds or updates an article moves it
 * by one and logs one change, so a counter that moved more than the log grew means an edit made outside
 * Gazette (which the change log does not see).
 */
export async function revisionCounter(store: AsyncArticleStore): Promise<number | undefined> {
  const n = Number((await store.revision()).split('.')[0]);
  return Number.isInteger(n) ? n : undefined;
}

/** A point where the counter and the change log were read together: `seq` the log's end, `revision` the counter. */
export interface CheckedPoint {
  seq: number;
  revision: number;
}

/** The counter at the log's end `seq`, if no write landed between the two reads (else undefined: try later). */
export async function checkedPointAt(
  store: AsyncArticleStore,
  seq: number,
): Promise<CheckedPoint | undefined> {
  const revision = await revisionCounter(store);
  if (revision === undefined || (await store.changes(seq, 1)).changes.length > 0) return undefined;
  return { seq, revision };
}

/** Whether the articles were edited outside Gazette since `point` (the counter moved more than the log grew). */
export async function editedOutside(store: AsyncArticleStore, point: CheckedPoint): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await revisionCounter(store);
    const { count } = await changedSince(store, point.seq);
    if (before === undefined) return false;
    if ((await revisionCounter(store)) === before) return before - point.revision !== count;
  }
  return false; // Writers never paused long enough to tell: trust the log.
}
