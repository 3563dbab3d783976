import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isGazetteError } from '../errors/gazette-error';
import type { FollowedSource } from '../follow/followed-source-schema';
import { maxAgeSeconds, retryAfterSeconds } from '../follow/http-hints';
import { afterPoll, DEFAULT_BOUNDS, type PollOutcome, type ScheduleBounds } from '../follow/poll-schedule';
import type { AsyncArticleStore } from '../store/async-store-types';
import type { PutResult } from '../store/store-types';
import { type DeliveryReport, notifyAlerts } from './alert-deliveries';
import { fetchUrl } from './fetch-url';
import { emptySummary, type IngestOptions, type IngestSummary, ingestFetched } from './ingest-sources';
import { type PoliteFetch, politeFetch } from './polite-fetch';
import { runPool } from './run-pool';

export interface PollOptions
  extends Omit<IngestOptions, 'now' | 'onFeed' | 'fetchPage' | 'full' | 'onProgress' | 'format'> {
  /** The clock, as ISO 8601 (default: the system's). */
  clock?: () => string;
  /** In [0, 1), for the schedule's jitter (default Math.random). */
  random?: () => number;
  bounds?: ScheduleBounds;
  /** Poll every followed source now (`watch --once`), not only those due. */
  all?: boolean;
  /** Requests at once across hosts (default 4); never more than one at a time to a host. */
  concurrency?: number;
  /** Each source's deadline, its feed and --full pages together, in ms (default 60 s). */
  sourceDeadlineMs?: number;
  /** Called after each source is polled, with its new state. */
  onPolled?: (report: PollReport) => void;
}

export interface PollReport {
  source: FollowedSource;
  /** How the poll ended; `interrupted`: the watch was stopped first, the source left as it was. */
  outcome: PollOutcome['kind'] | 'interrupted';
  /** What a changed feed stored. */
  summary?: IngestSummary;
  reason?: string;
}

export interface PollSummary extends IngestSummary {
  polled: number;
  notModified: number;
  failedSources: number;
  /** Alert deliveries queued for what this round stored, and the sending of every due one. */
  alerts: { queued: number } & DeliveryReport;
}

/** Everything a poller shares across rounds: one limit per host, one overall, robots.txt read once a day. */
export interface Poller {
  poll(store: AsyncArticleStore): Promise<PollSummary>;
}

const DEFAULT_SOURCE_DEADLINE_MS = 60_000;

const emptyPoll = (): PollSummary => ({
  ...emptySummary(0),
  polled: 0,
  notModified: 0,
  failedSources: 0,
  alerts: { queued: 0, sent: 0, failed: 0, gaveUp: 0 },
});

function merge(total: PollSummary, part: IngestSummary): void {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.duplicates += part.duplicates;
  total.failed.push(...part.failed);
  total.warnings.push(...part.warnings);
}

/** What polling one source needs, shared by every source of a poller. */
interface PollContext {
  options: PollOptions;
  clock: () => string;
  random: () => number;
  bounds: ScheduleBounds;
  deadlineMs: number;
  web: PoliteFetch;
  /** This poller's id among the workers leasing sources: host, pid and a random part. */
  worker: string;
}

/** What a source's poll found: a 304, what its feed stored, or why it failed. */
async function fetchAndStore(
  ctx: PollContext,
  store: AsyncArticleStore,
  source: FollowedSource,
  stored: PutResult[],
  now: string,
): Promise<{ outcome: PollOutcome; summary?: IngestSummary }> {
  const { options, deadlineMs, web } = ctx;
  // The source's deadline runs from its first request (not from its wait for the host's turn) and
  // covers the feed and its --full pages together.
  let startedAt = 0;
  const fetched = await web.politely(source.url, () => {
    // Stopped while it waited for the host's turn: fetch nothing (its state stays as it was).
    if (options.signal?.aborted) return Promise.reject(new WatchStopped());
    startedAt = Date.now();
    return fetchUrl(source.url, {
      ...options.fetch,
      timeoutMs: Math.min(options.fetch?.timeoutMs ?? deadlineMs, deadlineMs),
      validators: { etag: source.state.etag, lastModified: source.state.lastModified },
    });
  });
  const maxAge = maxAgeSeconds(fetched.http.cacheControl);
  if (fetched.notModified) return { outcome: { kind: 'not-modified', hintSeconds: maxAge } };
  let feedHint: number | undefined;
  const summary = await ingestFetched(store, source.url, fetched, {
    ...options,
    format: 'feed',
    emptyIsFine: true,
    now,
    full: source.full,
    fullDeadlineMs: Math.max(1, deadlineMs - (Date.now() - startedAt)),
    fetchPage: web.fetchPage,
    onFeed: (feed) => {
      feedHint = feed.pollHintSeconds;
    },
    onStored: (result, at) => {
      if (result.status === 'added' || result.status === 'updated') stored.push(result);
      options.onStored?.(result, at);
    },
  });
  const own = summary.failed.find((f) => f.source === source.url);
  if (own) return { outcome: { kind: 'failed', reason: own.reason }, summary };
  const hints = [feedHint, maxAge].filter((h): h is number => h !== undefined);
  const outcome: PollOutcome = {
    kind: 'fetched',
    stored: summary.added + summary.updated,
    etag: fetched.http.etag,
    lastModified: fetched.http.lastModified,
    hintSeconds: hints.length ? Math.max(...hints) : undefined,
  };
  return { outcome, summary };
}

/** A poll the watch's stop cut short before anything was fetched. */
class WatchStopped extends Error {}

/** A source left as it was (its lease given back): polled again in full by the next round. */
async function stillDue(
  ctx: PollContext,
  store: AsyncArticleStore,
  source: FollowedSource,
  leased: boolean,
): Promise<PollReport> {
  if (leased) await store.sources.release(source.id, ctx.worker, source.state);
  return { source, outcome: 'interrupted' };
}

/**
 * Polls one source and saves its new state, even when the poll failed: the backoff must survive a restart.
 * A leased source's state is saved by releasing the lease; when the lease ran out and another worker took
 * the source meanwhile, nothing is saved (that worker's poll wins; what both stored, the store deduped).
 */
async function pollOne(
  ctx: PollContext,
  store: AsyncArticleStore,
  source: FollowedSource,
  stored: PutResult[],
  leased: boolean,
): Promise<PollReport> {
  const now = ctx.clock();
  let found: { outcome: PollOutcome; summary?: IngestSummary };
  try {
    found = await fetchAndStore(ctx, store, source, stored, now);
  } catch (error) {
    if (error instanceof WatchStopped) return stillDue(ctx, store, source, leased);
    if (isGazetteError(error) && error.code === 'STORE_ERROR') throw error;
    const reason = isGazetteError(error) ? error.message : `unexpected error: ${(error as Error).message}`;
    const retryAfter = isGazetteError(error) ? retryAfterSeconds(error.details.retryAfter, now) : undefined;
    found = { outcome: { kind: 'failed', reason, retryAfterSeconds: retryAfter } };
  }
  const { outcome, summary } = found;
  // Stopped before all it fetched was stored: new validators would make the next poll a 304 and lose
  // the rest for good, so the source keeps its state (and is polled again in full).
  if (summary?.interrupted) return { ...(await stillDue(ctx, store, source, leased)), summary };
  const state = afterPoll(source, outcome, now, ctx.random, ctx.bounds);
  if (leased) await store.sources.release(source.id, ctx.worker, state);
  else await store.sources.saveState(source.id, state);
  const report: PollReport = { source: { ...source, state }, outcome: outcome.kind };
  if (summary) report.summary = summary;
  if (outcome.kind === 'failed') report.reason = outcome.reason;
  return report;
}

/** Adds one source's report to the round's summary. */
function tally(total: PollSummary, report: PollReport): void {
  if (report.summary) merge(total, report.summary);
  if (report.outcome === 'interrupted') return;
  total.polled++;
  if (report.outcome === 'not-modified') total.notModified++;
  if (report.outcome === 'failed') {
    total.failedSources++;
    if (!report.summary) total.failed.push({ source: report.source.url, reason: report.reason! });
  }
}

/** How long past a source's deadline its lease lasts: the wait for its host's turn, and the saving. */
const LEASE_MARGIN_MS = 30_000;

/** A worker id unique per process and poller: the host, the pid and a random part. */
const workerId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Polls the due sources this worker can lease, `concurrency` at a time: each slot leases one source,
 * polls it and releases it with its new state, until none is due or free. Several workers (several
 * `gazette watch` processes, on several machines) over one store thus poll each source once.
 */
async function pollLeased(
  ctx: PollContext,
  store: AsyncArticleStore,
  slots: number,
  each: (source: FollowedSource, leased: boolean) => Promise<void>,
): Promise<void> {
  const seen = new Set<string>();
  const slot = async () => {
    while (!ctx.options.signal?.aborted) {
      const now = ctx.clock();
      const until = new Date(Date.parse(now) + ctx.deadlineMs + LEASE_MARGIN_MS).toISOString();
      const [source] = await store.sources.lease({ worker: ctx.worker, now, until, limit: 1 });
      if (!source) return;
      // Stopped meanwhile, or due again at once (a schedule that allows it: polled once per round): let go
      // as it is, so another worker need not wait for the lease to run out.
      if (ctx.options.signal?.aborted || seen.has(source.id))
        return void (await store.sources.release(source.id, ctx.worker, source.state));
      seen.add(source.id);
      await each(source, true);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, slots) }, slot));
}

/**
 * A poller: `poll` polls the store's due sources once each, leasing them so that other workers over the
 * same store poll the others; with `all` (`watch --once`), every followed source, leased or not.
 */
export function createPoller(options: PollOptions = {}): Poller {
  const clock = options.clock ?? (() => new Date().toISOString());
  const deadlineMs = options.sourceDeadlineMs ?? DEFAULT_SOURCE_DEADLINE_MS;
  const concurrency = options.concurrency ?? 4;
  const ctx: PollContext = {
    options,
    clock,
    random: options.random ?? Math.random,
    bounds: options.bounds ?? DEFAULT_BOUNDS,
    deadlineMs,
    web: politeFetch({ concurrency, clock, fetch: options.fetch, pageTimeoutMs: deadlineMs }),
    worker: workerId(),
  };
  return {
    async poll(store) {
      const total = emptyPoll();
      const stored: PutResult[] = [];
      const each = async (source: FollowedSource, leased: boolean) => {
        if (options.signal?.aborted) return;
        total.sources++;
        const report = await pollOne(ctx, store, source, stored, leased);
        tally(total, report);
        options.onPolled?.(report);
      };
      if (options.all) {
        const followed = await store.sources.list();
        await runPool(followed, followed.length, (source) => each(source, false));
      }
      // More slots than requests at once: a slot waiting for its host's turn leaves the others busy.
      else await pollLeased(ctx, store, concurrency * 2, each);
      if (options.signal?.aborted) total.interrupted = true;
      // Matched once per round over everything it stored; sent with whatever earlier rounds left due.
      else total.alerts = await notifyAlerts(store, stored, { now: clock(), clock, random: ctx.random });
      return total;
    },
  };
}
