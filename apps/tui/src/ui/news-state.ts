import type { LiveEvent } from '../source/live-feed';

/** What the UI knows of the news since the view was last refreshed. */
export interface News {
  /** Articles added or updated since the last refresh (or start), each once. */
  readonly fresh: ReadonlySet<string>;
  /** Articles that matched an alert when they arrived: kept across refreshes so their rows stay marked. */
  readonly alerted: ReadonlySet<string>;
  /** Why following stopped working (a failed poll), until it works again. */
  readonly trouble: string | undefined;
  /** Whether polls are retried (a passing failure) or not (the API serves a fixed corpus). */
  readonly retrying: boolean;
  /** The store cannot be reached: the view shows what was loaded, and the reader retries. */
  readonly storeDown: boolean;
}

export const NO_NEWS: News = {
  fresh: new Set(),
  alerted: new Set(),
  trouble: undefined,
  retrying: true,
  storeDown: false,
};

/** The status line while the store cannot be reached, and once it can again (the corpus has caught up). */
export const STORE_UNREACHABLE = 'store unreachable — showing what was loaded; retrying';
export const STORE_BACK = 'store reachable again — up to date';

/** Ids held at most: a burst beyond it still counts as "10,000+ new" without growing the UI's memory. */
export const MAX_NEWS_IDS = 10_000;

function added(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  if (set.size >= MAX_NEWS_IDS || ids.every((id) => set.has(id))) return set;
  const next = new Set(set);
  for (const id of ids) {
    if (next.size >= MAX_NEWS_IDS) break;
    next.add(id);
  }
  return next;
}

/** The status line for a store gone away: a passing outage, or the core's word on a store lost for good. */
export function storeStatus(event: { retrying: boolean; problem?: string | undefined }): string {
  return event.retrying || !event.problem ? STORE_UNREACHABLE : event.problem;
}

/** The news after an event of the feed. */
export function withEvent(news: News, event: LiveEvent): News {
  if (event.kind === 'notice') return news;
  if (event.kind === 'reach')
    return event.reachable
      ? { ...news, trouble: undefined, retrying: true, storeDown: false }
      : { ...news, trouble: storeStatus(event), retrying: event.retrying, storeDown: true };
  if (event.kind === 'trouble')
    return news.trouble === event.message
      ? news
      : { ...news, trouble: event.message, retrying: event.retrying };
  // A change arrived: the feed works (whatever an earlier poll said).
  return {
    fresh: added(news.fresh, event.changed),
    alerted: added(news.alerted, event.alerted),
    trouble: undefined,
    retrying: true,
    storeDown: false,
  };
}

/** The news once the view shows what is current: nothing is new any more; alert marks stay. */
export function refreshed(news: News): News {
  return { ...news, fresh: new Set() };
}

/** "3 new (1 alert) · R refresh", or nothing when nothing is new. */
export function newsLabel(news: News): string {
  const n = news.fresh.size;
  if (n === 0) return '';
  const alerts = [...news.fresh].filter((id) => news.alerted.has(id)).length;
  const count = `${n.toLocaleString('en')}${n >= MAX_NEWS_IDS ? '+' : ''} new`;
  return `${count}${alerts ? ` (${alerts.toLocaleString('en')} alert${alerts === 1 ? '' : 's'})` : ''} · R refresh`;
}

/**
 * A short word on why the view may be behind: polls failing (retried; the UI goes on meanwhile), or a
 * source that cannot be followed. The whole message goes to the status line.
 */
export function troubleLabel(news: News): string {
  if (news.trouble === undefined) return '';
  if (news.storeDown) return news.retrying ? 'store unreachable' : 'not live: restart';
  return news.retrying ? 'no updates: retrying' : 'not live';
}

/**
 * Where the selection goes after a refresh: to the row of the same article when it is still loaded, else
 * the same position (kept within the list).
 */
export function reselect(anchor: string | undefined, ids: readonly string[], previous: number): number {
  const found = anchor === undefined ? -1 : ids.indexOf(anchor);
  if (found >= 0) return found;
  return Math.max(0, Math.min(previous, ids.length - 1));
}
