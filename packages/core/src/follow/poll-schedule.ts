import type { FollowedSource, PollState } from './followed-source-schema';

/** Bounds of every schedule, in seconds: a source is never polled more often than `min` nor less than `max`. */
export interface ScheduleBounds {
  min: number;
  max: number;
  /** The interval of a source with no history yet. */
  initial: number;
  /** The longest wait after failures. */
  maxBackoff: number;
}

export const DEFAULT_BOUNDS: ScheduleBounds = { min: 300, max: 86_400, initial: 3_600, maxBackoff: 86_400 };

/** How many new-item times are kept: enough for a rate, bounded whatever the feed does. */
const KEPT_ITEM_TIMES = 50;
const DAY = 86_400;
const WEEK_MS = 7 * DAY * 1000;

/** What a poll found. */
export type PollOutcome =
  | {
      kind: 'fetched';
      /** Articles added or updated from the feed. */
      stored: number;
      etag?: string | undefined;
      lastModified?: string | undefined;
      /** The feed's own hint (ttl, sy:updatePeriod) and the response's Cache-Control max-age, in seconds. */
      hintSeconds?: number | undefined;
    }
  | { kind: 'not-modified'; hintSeconds?: number | undefined }
  | { kind: 'failed'; reason: string; retryAfterSeconds?: number | undefined };

/** A new source's state: due at once. */
export function initialState(now: string, bounds: ScheduleBounds = DEFAULT_BOUNDS): PollState {
  return {
    failures: 0,
    nextPollAt: now,
    intervalSeconds: bounds.initial,
    newItemTimes: [],
    itemsStored: 0,
    polls: 0,
    notModified: 0,
  };
}

/**
 * New items per day, observed over the last week (or since the source was added, if later); undefined
 * while the source is younger than a day, since a rate needs time to show.
 */
export function itemsPerDay(source: FollowedSource, now: string): number | undefined {
  const nowMs = Date.parse(now);
  const since = Math.max(Date.parse(source.addedAt), nowMs - WEEK_MS);
  const days = (nowMs - since) / (DAY * 1000);
  if (!(days >= 1)) return undefined;
  const recent = source.state.newItemTimes.filter((t) => Date.parse(t) >= since).length;
  return recent / days;
}

/** The interval a healthy source settles on: the user's, else about two polls per new item, within the bounds and never under the feed's hint. */
export function settledInterval(source: FollowedSource, now: string, bounds: ScheduleBounds): number {
  const rate = itemsPerDay(source, now);
  const observed = rate === undefined ? bounds.initial : rate === 0 ? bounds.max : DAY / (2 * rate);
  const wanted = source.everySeconds ?? observed;
  const floor = Math.max(bounds.min, source.state.hintSeconds ?? 0);
  return Math.round(Math.min(Math.max(wanted, floor), Math.max(floor, bounds.max)));
}

const addSeconds = (now: string, seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();

/**
 * The state after a poll at `now`. A success schedules the next poll one interval on (spread by ±10% so
 * sources polled together drift apart); a failure waits twice as long each time (with jitter, capped,
 * and never before a Retry-After). `random` is in [0, 1): the core has no clock and no hidden chance.
 */
export function afterPoll(
  source: FollowedSource,
  outcome: PollOutcome,
  now: string,
  random: () => number,
  bounds: ScheduleBounds = DEFAULT_BOUNDS,
): PollState {
  const base: PollState = { ...source.state, lastPolledAt: now, polls: source.state.polls + 1 };
  if (outcome.kind === 'failed') {
    const failures = base.failures + 1;
    const backoff = Math.min(bounds.maxBackoff, base.intervalSeconds * 2 ** (failures - 1));
    const wait = Math.max(backoff * (0.5 + random() / 2), outcome.retryAfterSeconds ?? 0);
    return {
      ...base,
      failures,
      lastErrorAt: now,
      lastError: outcome.reason,
      nextPollAt: addSeconds(now, Math.round(wait)),
    };
  }
  const state: PollState = { ...base, failures: 0, lastSuccessAt: now };
  if (outcome.hintSeconds !== undefined) state.hintSeconds = Math.max(1, Math.round(outcome.hintSeconds));
  if (outcome.kind === 'not-modified') state.notModified = base.notModified + 1;
  else {
    if (outcome.etag) state.etag = outcome.etag;
    else delete state.etag;
    if (outcome.lastModified) state.lastModified = outcome.lastModified;
    else delete state.lastModified;
    state.itemsStored = base.itemsStored + outcome.stored;
    const times = [
      ...base.newItemTimes,
      ...Array<string>(Math.min(outcome.stored, KEPT_ITEM_TIMES)).fill(now),
    ];
    state.newItemTimes = times.slice(-KEPT_ITEM_TIMES);
  }
  const interval = settledInterval({ ...source, state }, now, bounds);
  state.intervalSeconds = interval;
  state.nextPollAt = addSeconds(now, Math.round(interval * (0.9 + random() * 0.2)));
  return state;
}

/** The sources due at `now`, the longest overdue first. */
export function dueSources(sources: readonly FollowedSource[], now: string): FollowedSource[] {
  const at = Date.parse(now);
  return sources
    .filter((s) => Date.parse(s.state.nextPollAt) <= at)
    .sort((a, b) => Date.parse(a.state.nextPollAt) - Date.parse(b.state.nextPollAt));
}
