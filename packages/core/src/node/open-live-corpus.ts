import { createCorpus } from '../corpus/create-corpus';
import type { Corpus } from '../corpus/components/corpus-types';
import { segmentedCorpus } from '../live/segmented-corpus';
import { DEFAULT_MERGE_POLICY, type MergePolicy } from '../live/components/merge-policy';
import type { ArticleStore } from '../store/store-types';
import { buildSegmentInWorker } from './build-segment';
import { loadCorpus } from '../corpus/create-corpus';
import { keptSegmentsDir } from './kept-segments';
import type { LiveCorpus, LiveVersion } from './live-corpus-types';
import { nextMerge, type RunningMerge, startMerge, swapIn } from './live-merges';
import { currentArticles, type KeepPlace, keepSegments, type LiveSegment, startSegments } from './live-start';
import { openExistingStore } from './open-existing-store';
import { type CheckedPoint, changedSince, checkedPointAt } from './store-catch-up';

export interface LiveCorpusOptions {
  /** How often the change log is read, in ms (default 250): the bound on how stale a reader is. */
  pollMs?: number;
  /** Follow the store's commits (default true); false gives the corpus as of opening (a one-shot reader). */
  follow?: boolean;
  /** Merge segments in the background (default: when following). */
  merge?: boolean;
  policy?: MergePolicy;
  /** Keep segments beside the store, `<db>.segments/` (default true for a store opened by path). */
  keep?: boolean;
  /** A batch of more changed articles than this is built in a worker thread (default 2,000). */
  workerAbove?: number;
  /** Where notices go (a damaged kept segment rebuilt); one line each. */
  notice?: (line: string) => void;
  /** Names where the path came from ("GAZETTE_DB"), for the message when there is no store there. */
  label?: string;
  onWait?: (message: string) => void;
}

/** The corpus over segments: one segment is served as is. */
const corpusOver = (segments: readonly LiveSegment[]): Corpus =>
  segments.length === 1 ? segments[0]!.corpus : segmentedCorpus(segments.map((s) => s.corpus));

/**
 * A store's corpus kept current: starts from the segments kept beside the store and a tail built from the
 * changes logged after them (start waits for it); then reads the change log every `pollMs`, makes each
 * batch of changes a new segment (a later segment's version of an article replaces the older one), and
 * merges segments in a worker thread by the tiered policy, swapping the merged one in atomically.
 */
export function openLiveCorpus(source: string | ArticleStore, options: LiveCorpusOptions = {}): LiveCorpus {
  const db = typeof source === 'string' ? source : undefined;
  const store =
    typeof source === 'string'
      ? openExistingStore(source, {
          readOnly: true,
          ...(options.label ? { label: options.label } : {}),
          ...(options.onWait ? { onWait: options.onWait } : {}),
        })
      : source;
  const notice = options.notice ?? ((line: string) => process.stderr.write(`gazette: ${line}\n`));
  const identity = store.identity();
  const place: KeepPlace | undefined =
    db && identity && options.keep !== false ? { dir: keptSegmentsDir(db), store: identity } : undefined;
  if (db && !identity)
    notice(
      `the store ${db} was made by an older Gazette and has no id yet, so no segments of it are kept (it is indexed on each read); the next "gazette ingest --db ${db}" gives it one.`,
    );
  try {
    return following(store, db, place, notice, options);
  } catch (error) {
    if (db) store.close();
    throw error;
  }
}

function following(
  store: ArticleStore,
  db: string | undefined,
  startPlace: KeepPlace | undefined,
  notice: (line: string) => void,
  options: LiveCorpusOptions,
): LiveCorpus {
  const { pollMs = 250, follow = true, workerAbove = 2000, policy = DEFAULT_MERGE_POLICY } = options;
  const merging = options.merge ?? follow;
  let place = startPlace;
  const start = startSegments(store, place, notice);
  let segments = start.segments;
  let seq = start.seq;
  let checked: CheckedPoint | undefined = start.checked;
  let current = corpusOver(segments);
  let version = versionOf();
  const listeners = new Set<(v: LiveVersion, changed: readonly string[]) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let merge: RunningMerge | undefined;
  let closed = false;
  keep();

  function versionOf(): LiveVersion {
    return { revision: store.revision(), seq, articles: current.size, segments: segments.length };
  }
  /** Keeps what is not kept yet; a place where nothing can be written is given up (a cache). */
  function keep() {
    if (place && !keepSegments(place, segments, checked)) place = undefined;
  }
  function publish(changed: readonly string[]) {
    current = corpusOver(segments);
    version = versionOf();
    keep();
    for (const listener of listeners)
      try {
        listener(version, changed);
      } catch (error) {
        // One subscriber's failure is its own: the corpus still moves on, and the others are told.
        notice(`a subscriber to the live corpus failed (${(error as Error).message}).`);
      }
    if (merging) maybeMerge();
  }

  /** Reads the changes after `seq` and makes them a segment (a large batch in a worker). */
  async function catchUp(): Promise<boolean> {
    const batch = changedSince(store, seq, 10_000);
    if (batch.count === 0) return false;
    const from = seq;
    let corpus: Corpus;
    if (batch.ids.length > workerAbove && db) {
      corpus = loadCorpus((await buildSegmentInWorker({ db, ids: batch.ids }).done).bytes);
      if (closed) return false;
    } else corpus = createCorpus(currentArticles(store, batch.ids));
    segments = [...segments, { corpus, from, to: batch.last }];
    seq = batch.last;
    checked = checkedPointAt(store, seq) ?? checked;
    publish(batch.ids);
    return true;
  }

  function tick() {
    timer = undefined;
    if (closed) return;
    catchUp().then(
      (more) => schedule(more ? 0 : pollMs),
      (error: unknown) => {
        notice(`could not follow the store (${(error as Error).message}); trying again.`);
        schedule(Math.max(pollMs, 1000));
      },
    );
  }
  function schedule(ms: number) {
    if (closed) return;
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function maybeMerge() {
    if (merge || closed) return;
    const range = nextMerge(segments, policy);
    if (!range) return;
    const running = startMerge(store, db, place, segments, range);
    merge = running;
    running.merged.then(
      (merged) => {
        merge = undefined;
        if (closed) return;
        segments = swapIn(segments, running, merged);
        publish([]);
      },
      (error: unknown) => {
        merge = undefined;
        if (!closed)
          notice(`a background merge failed (${(error as Error).message}); the segments stay as they are.`);
      },
    );
  }

  if (follow) schedule(pollMs);
  if (merging) maybeMerge();
  return {
    corpus: () => current,
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      merge?.build.stop();
      await merge?.merged.catch(() => {});
      if (db) store.close();
    },
  };
}
