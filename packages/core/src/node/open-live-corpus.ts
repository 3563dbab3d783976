import { createCorpus, loadCorpus } from '../corpus/create-corpus';
import type { Corpus } from '../corpus/components/corpus-types';
import { segmentedCorpus } from '../live/segmented-corpus';
import { DEFAULT_MERGE_POLICY, type MergePolicy } from '../live/components/merge-policy';
import { type ReachBackoff, type StoreReach, storeReach } from '../live/components/store-reach';
import type { AsyncArticleStore } from '../store/async-store-types';
import { type SegmentBuild, type SegmentBuilders, segmentBuilders } from './build-segment';
import type { LiveCorpus, LiveVersion } from './live-corpus-types';
import { mergeBeside, mergeSmallHere, type RunningMerge, startMerge, swapIn } from './live-merges';
import { type KeepPlace, keepSegments, type LiveSegment, startSegments } from './live-start';
import { openStore, segmentsDirFor } from './open-any-store';
import { type CheckedPoint, changedSince, checkedPointAt } from './store-catch-up';
import { replacedStoreMessage, storeFileIdentity } from './store-file-identity';

export interface LiveCorpusOptions {
  /** How often the change log is read, in ms (default 250): the bound on how stale a reader is. */
  pollMs?: number;
  /** Follow the store's commits (default true); false gives the corpus as of opening (a one-shot reader). */
  follow?: boolean;
  /** Merge segments in the background (default: when following). */
  merge?: boolean;
  policy?: MergePolicy;
  /** Keep segments (default true for a store opened by its path or URL): see `segments`. */
  keep?: boolean;
  /**
   * Where a database's segments are kept (--segments, GAZETTE_SEGMENTS; default a per-user cache folder
   * keyed by the store's identity); a SQLite file's are always beside it, `<db>.segments/`.
   */
  segments?: string;
  /**
   * Wakes the reader when the store changes (a PostgreSQL store's LISTEN/NOTIFY), so it reads the change
   * log at once rather than at its next poll; polling goes on as the fallback. Returns how to stop.
   * Default: the store's own `wake`, if it has one.
   */
  wake?: (onChange: () => void) => () => void;
  /**
   * A batch of more changed articles than this is built in a worker thread (default 2,000); a one-shot
   * reader merges small segments on its own thread up to this many live articles.
   */
  workerAbove?: number;
  /** Where notices go (a damaged kept segment rebuilt); one line each. */
  notice?: (line: string) => void;
  /** Names where the path came from ("GAZETTE_DB"), for the message when there is no store there. */
  label?: string;
  onWait?: (message: string) => void;
  /** How reads of a store that cannot be reached are retried (default STORE_RETRY: 1 s doubling to 10 s, ±20%). */
  retry?: ReachBackoff;
}

/** The corpus over segments: one segment is served as is. */
const corpusOver = (segments: readonly LiveSegment[]): Corpus =>
  segments.length === 1 ? segments[0]!.corpus : segmentedCorpus(segments.map((s) => s.corpus));

/**
 * A store's corpus kept current: starts from the kept segments and a tail built from the changes logged
 * after them (start waits for it); then reads the change log every `pollMs` (at once when the store wakes
 * it), makes each batch of changes a new segment (a later segment's version of an article replaces the
 * older one), and merges segments in a worker thread by the tiered policy, swapping the merged one in
 * atomically. `source` is the store's path or URL (opened read-only through openStore, and closed with
 * the live corpus), or an open store (no segments kept, left open).
 */
export async function openLiveCorpus(
  source: string | AsyncArticleStore,
  options: LiveCorpusOptions = {},
): Promise<LiveCorpus> {
  const db = typeof source === 'string' ? source : undefined;
  const store =
    typeof source === 'string'
      ? await openStore(source, {
          readOnly: true,
          ...(options.label ? { label: options.label } : {}),
          ...(options.onWait ? { onWait: options.onWait } : {}),
        })
      : source;
  // Taken as the store is opened: a file put in its place later is another store (see stillTheStore).
  const file = storeFileIdentity(db);
  const notice = options.notice ?? ((line: string) => process.stderr.write(`gazette: ${line}\n`));
  try {
    const place = await keepPlace(store, db, notice, options);
    return liveHandle(await startFollowing(store, db, place, notice, options, file));
  } catch (error) {
    if (db) await store.close();
    throw error;
  }
}

/** Where the segments of the store opened from `db` are kept, if anywhere. */
async function keepPlace(
  store: AsyncArticleStore,
  db: string | undefined,
  notice: (line: string) => void,
  options: LiveCorpusOptions,
): Promise<KeepPlace | undefined> {
  if (!db || options.keep === false) return undefined;
  const identity = await store.identity();
  if (identity) return { dir: segmentsDirFor(db, identity, options.segments), store: identity };
  notice(
    `the store ${store.location} was made by an older Gazette and has no id yet, so no segments of it are kept (it is indexed on each read); the next "gazette ingest --db ${store.location}" gives it one.`,
  );
  return undefined;
}

type Listener = (v: LiveVersion, changed: readonly string[]) => void;

/** What a live corpus holds and does, read and moved by the functions below (one per job). */
interface Follower {
  readonly store: AsyncArticleStore;
  readonly db: string | undefined;
  readonly notice: (line: string) => void;
  readonly pollMs: number;
  readonly workerAbove: number;
  readonly policy: MergePolicy;
  readonly merging: boolean;
  /** The SQLite file opened (device:inode), undefined for a database. */
  readonly file: string | undefined;
  place: KeepPlace | undefined;
  segments: LiveSegment[];
  seq: number;
  checked: CheckedPoint | undefined;
  current: Corpus;
  version: LiveVersion;
  readonly listeners: Set<Listener>;
  timer?: ReturnType<typeof setTimeout> | undefined;
  /** A wake came while the change log was being read: read it again at once. */
  woken: boolean;
  /** Whether the store can be read now; retries the change log with backoff while it cannot. */
  readonly reach: StoreReach;
  unwake?: (() => void) | undefined;
  /** Merges under way, over runs of segments that do not overlap (at most MERGES_AT_ONCE). */
  merges: RunningMerge[];
  /** The worker threads merges and large batches are built in, reused between builds. */
  readonly builders: SegmentBuilders;
  building?: SegmentBuild | undefined;
  closed: boolean;
}

async function startFollowing(
  store: AsyncArticleStore,
  db: string | undefined,
  place: KeepPlace | undefined,
  notice: (line: string) => void,
  options: LiveCorpusOptions,
  file: string | undefined,
): Promise<Follower> {
  const { pollMs = 250, follow = true, workerAbove = 2000, policy = DEFAULT_MERGE_POLICY } = options;
  const start = await startSegments(store, place, notice, policy.maxSegment);
  const segments = follow ? start.segments : await mergeSmallHere(store, start.segments, policy, workerAbove);
  const current = corpusOver(segments);
  const f: Follower = {
    store,
    db,
    notice,
    pollMs,
    workerAbove,
    policy,
    merging: options.merge ?? follow,
    file,
    place,
    segments,
    seq: start.seq,
    checked: start.checked,
    current,
    version: {
      revision: await store.revision(),
      seq: start.seq,
      articles: current.size,
      segments: segments.length,
    },
    listeners: new Set(),
    woken: false,
    merges: [],
    builders: segmentBuilders(),
    reach: storeReach(NODE_CLOCK, {
      ...(options.retry ? { backoff: options.retry } : {}),
      onListenerError: (error) =>
        notice(`a listener to the store's reachability failed (${(error as Error).message}).`),
    }),
    closed: false,
  };
  sayReach(f);
  keep(f);
  if (follow) {
    schedule(f, pollMs);
    const wake = options.wake ?? store.wake?.bind(store);
    f.unwake = wake?.(() => wakeUp(f));
  }
  if (f.merging) maybeMerge(f);
  return f;
}

/** Keeps what is not kept yet; a place where nothing can be written is given up (a cache). */
function keep(f: Follower): void {
  if (f.place && !keepSegments(f.place, f.segments, f.checked)) f.place = undefined;
}

/**
 * Serves the segments as they now are, tells the subscribers, then keeps them and looks for a merge.
 * `revision` is the store's as of the segments (a merge leaves it as it was).
 */
function publish(f: Follower, changed: readonly string[], revision = f.version.revision): void {
  f.current = corpusOver(f.segments);
  f.version = {
    revision,
    seq: f.seq,
    articles: f.current.size,
    segments: f.segments.length,
  };
  for (const listener of f.listeners)
    try {
      listener(f.version, changed);
    } catch (error) {
      // One subscriber's failure is its own: the corpus still moves on, and the others are told.
      f.notice(`a subscriber to the live corpus failed (${(error as Error).message}).`);
    }
  // Kept once the requests waiting on this thread have been answered from the new corpus.
  setImmediate(() => {
    if (!f.closed) keep(f);
  }).unref();
  if (f.merging) maybeMerge(f);
}

/** Reads the changes after `seq` and makes them a segment (a large batch in a worker); false if none. */
async function catchUp(f: Follower): Promise<boolean> {
  const batch = await changedSince(f.store, f.seq, 10_000);
  if (batch.count === 0) return false;
  const from = f.seq;
  let corpus: Corpus;
  if (batch.ids.length > f.workerAbove && f.db) {
    const building = f.builders.build({ db: f.db, ids: batch.ids });
    f.building = building;
    const reply = await building.done.finally(() => {
      f.building = undefined;
    });
    if (f.closed) return false;
    corpus = loadCorpus(reply.bytes);
  } else corpus = createCorpus(await f.store.getMany(batch.ids));
  const checked = await checkedPointAt(f.store, batch.last);
  const revision = await f.store.revision();
  if (f.closed) return false;
  f.segments = [...f.segments, { corpus, from, to: batch.last }];
  f.seq = batch.last;
  f.checked = checked ?? f.checked;
  publish(f, batch.ids, revision);
  return true;
}

/** Node's timers (unref'd: a reader waiting to retry does not hold the process open) and Math.random. */
const NODE_CLOCK = {
  setTimeout: (run: () => void, ms: number) => setTimeout(run, ms).unref(),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
};

/** One notice when the store goes away and one when it is back (a server down for an hour logs two lines). */
function sayReach(f: Follower): void {
  f.reach.onReach((reachable, problem, retrying) =>
    f.notice(
      reachable
        ? 'following the store again.'
        : retrying
          ? `could not follow the store (${problem}); answering from what was loaded, and trying again in 1 s, then less often (every 10 s at most).`
          : `${problem}.`,
    ),
  );
}

/** The next read of the change log, `ms` from now (at once while batches keep coming). */
function schedule(f: Follower, ms: number): void {
  if (f.closed) return;
  f.timer = setTimeout(() => {
    f.timer = undefined;
    if (f.closed) return;
    f.woken = false;
    if (!stillTheStore(f)) return;
    catchUp(f).then(
      (more) => {
        f.reach.succeeded();
        schedule(f, more || f.woken ? 0 : f.pollMs);
      },
      (error: unknown) => {
        if (!f.closed) f.reach.failed((error as Error).message, () => schedule(f, 0));
      },
    );
  }, ms);
  f.timer.unref?.();
}

/**
 * Whether the SQLite file opened is still the one at its path. When another file took its place, the
 * connection still reads the old one: rather than serve it as if it were current (new commits go to the
 * new file and would never appear), the reader stops following and says a restart is needed.
 */
function stillTheStore(f: Follower): boolean {
  if (!f.file || storeFileIdentity(f.db) === f.file) return true;
  f.reach.lost(replacedStoreMessage(f.db!));
  return false;
}

/** The store changed: read the log now if the reader waits for its next poll, else once this read ends. */
function wakeUp(f: Follower): void {
  if (f.closed) return;
  // A wake while the store was unreachable is its LISTEN connection made again: the server is back.
  if (f.reach.retryNow()) return;
  if (!f.timer) {
    f.woken = true;
    return;
  }
  clearTimeout(f.timer);
  schedule(f, 0);
}

/**
 * Merges running at once: a long merge of large segments and one of the small segments commits keep
 * adding (merges at once share the machine's cores with the serving thread, so no more).
 */
const MERGES_AT_ONCE = 2;

/** A merge of more live articles than this runs for seconds to minutes: small merges go on beside it. */
const LONG_MERGE = 5000;

/**
 * Whether another merge may start now: none runs, or those running are long ones, which small merges
 * must not wait behind. Small merges run one after another in the one kept worker (a second worker
 * would cost its start, seconds on a busy machine, for no gain).
 */
const mayStartMerge = (f: Follower) =>
  f.merges.length < MERGES_AT_ONCE && f.merges.every((m) => m.live > LONG_MERGE);

/** Starts the merges the policy picks beside those running; swaps each in when built, and looks again. */
function maybeMerge(f: Follower): void {
  while (!f.closed && mayStartMerge(f)) {
    const range = mergeBeside(f.segments, f.merges, f.policy);
    if (!range) return;
    const running = startMerge(f.builders, f.store, f.db, f.place, f.segments, range);
    f.merges.push(running);
    const done = () => f.merges.splice(f.merges.indexOf(running), 1);
    running.merged.then(
      (merged) => {
        done();
        if (f.closed) return;
        f.segments = swapIn(f.segments, running, merged);
        publish(f, []);
      },
      (error: unknown) => {
        done();
        if (!f.closed)
          f.notice(`a background merge failed (${(error as Error).message}); the segments stay as they are.`);
      },
    );
  }
}

/** The LiveCorpus a follower answers as. */
function liveHandle(f: Follower): LiveCorpus {
  return {
    corpus: () => f.current,
    version: () => f.version,
    storeProblem: () => f.reach.problem(),
    storeRetrying: () => f.reach.retrying(),
    onReach: (listener) => f.reach.onReach(listener),
    subscribe(listener) {
      f.listeners.add(listener);
      return () => f.listeners.delete(listener);
    },
    async close() {
      if (f.closed) return;
      f.closed = true;
      if (f.timer) clearTimeout(f.timer);
      f.reach.stop();
      f.unwake?.();
      const merges = f.merges.splice(0);
      for (const m of merges) m.build.stop();
      f.building?.stop();
      f.builders.close();
      await Promise.all(merges.map((m) => m.merged.catch(() => {})));
      if (f.db) await f.store.close();
    },
  };
}
