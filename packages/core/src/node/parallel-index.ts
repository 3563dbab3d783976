import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import type { Article } from '../model/article-schema';
import { analyseAll, createBuilders, finishIndex } from '../search/index/build-index';
import { documentHead } from '../search/index/indexed-article';
import { toWire } from './wire-article';
import type { SearchIndex } from '../search/index/search-index';
import { type StageSpan, ThreadTimeline } from './build-timeline';
import type { IndexAnswer, IndexWorkerData, PartSource } from './index-build-jobs';
import { indexFromMessage } from './index-message';
import { answerOf, CHUNK, FAILED, sendChunks, type Spawned, spawn, waitWhile } from './index-worker-threads';
import { workerFile } from './worker-file';

/** Fewer articles than this are indexed on one thread: starting a worker costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 2000;
/**
 * Share of the documents the index's worker analyses itself (the rest are split between the helpers):
 * it analyses faster than a helper (its documents arrive first), so with 40% it waited for the helper
 * (6 s of a 39 s build at 30k, 37 s of 168 s at 100k) before appending its part and finishing.
 */
const INDEX_WORKER_SHARE = 0.5;
/**
 * Share of the documents analysed before this thread's own work (the caller's: the article records)
 * starts, when the workers fill every core. Done while the workers analyse (three threads on two cores),
 * it slowed the analysis, and the index worker's finish that follows left a core idle (news 100k: records
 * done at 35 s, index at 54 s); started once a worker was done analysing, the records ended 4 s after the
 * index (50 s): this share starts them about 2-3 s sooner by that run's timeline.
 */
const RECORDS_AFTER = 0.85;
/** A worker that has not answered this long (or 10 times what this thread did meanwhile) is not waited for. */
const MIN_WAIT_MS = 60_000;

export interface ParallelOptions {
  /** Threads to use, this one included (default: this one and the cores idle over the last minute). */
  threads?: number;
  /** Fewest articles for a parallel build (default MIN_PARALLEL_ARTICLES); each worker gets at least half as many. */
  minArticles?: number;
  /** The worker module (default: index-build-worker next to this module). */
  worker?: URL;
  /**
   * Told, once the index is built, how many workers were started, how many of them answered, and how
   * many documents this thread analysed (none unless the build fell back to it).
   */
  onBuilt?: (workers: {
    started: number;
    answered: number;
    analysedHere: number;
    /** Every thread's stages (see ThreadTimeline): this one's, and the workers' when the index worker answered. */
    timeline: StageSpan[];
  }) => void;
  /** Profile garbage collection per stage in the timeline (it costs a little; for benches). */
  traceGc?: boolean;
  /** Told whether a worker built the postings and positions (false: built on this thread). */
  onListsBuilt?: (byWorker: boolean) => void;
}

/**
 * Starts building the index of `articles` (in document order) in worker threads, one per thread: the
 * index's worker analyses the first range, the others the later ranges, whose parts it appends before
 * finishing the index; the returned function (call it when this thread has nothing else to do, e.g. once
 * it built the article records) waits for the index, the same index buildIndex gives. This thread, whose
 * heap holds the articles, only copies them out: on it every large allocation sets off a full garbage
 * collection of that heap (most of a 100k build's time when it analysed and finished here). If a worker
 * fails or does not answer in time, the index is built here.
 */
export function startIndexBuild(
  articles: readonly Article[],
  options: ParallelOptions = {},
): () => SearchIndex {
  const { threads = idleThreads(), minArticles = MIN_PARALLEL_ARTICLES } = options;
  const file = options.worker ?? workerFileHere();
  const workers = Math.min(threads, Math.floor(articles.length / Math.max(1, minArticles / 2)));
  if (!file || workers < 2) {
    options.onBuilt?.({ started: 0, answered: 0, analysedHere: articles.length, timeline: [] });
    return buildHere(articles);
  }
  const started = performance.now();
  const t = new ThreadTimeline('main', options.traceGc);
  const analysed = new Int32Array(new SharedArrayBuffer(4));
  const { index, helpers } = startWorkers(file, articles, workers, analysed, options.traceGc);
  t.lap('copy out');
  const waitMs = () => Math.max(MIN_WAIT_MS, 10 * (performance.now() - started));
  // This thread's own work waits for most of the analysis (see RECORDS_AFTER) when the workers fill
  // every core: it is not on the critical path until the index's finish is.
  if (workers >= availableParallelism()) {
    untilAnalysed(analysed, Math.ceil(RECORDS_AFTER * articles.length), [index, ...helpers], waitMs());
    t.lap('wait analysis');
  }
  return () => {
    t.lap('records');
    const answer = answerOf<IndexAnswer>(index, 'answer', waitMs());
    t.lap('wait index');
    for (const w of [index, ...helpers]) void w.worker.terminate();
    const built = answer ? indexFromMessage(answer.index) : buildHere(articles)();
    t.lap(answer ? 'index from message' : 'build here');
    options.onBuilt?.({
      started: 1 + helpers.length,
      answered: answer ? 1 + answer.partsAnswered : 0,
      analysedHere: answer ? 0 : articles.length,
      timeline: [...t.done(), ...(answer?.spans ?? [])],
    });
    options.onListsBuilt?.(answer?.listsByWorker ?? false);
    return built;
  };
}

/** The index built on this thread alone (small corpora, busy machines, a failed index worker). */
function buildHere(articles: readonly Article[]): () => SearchIndex {
  const b = createBuilders(articles.length);
  analyseAll(b, articles);
  return () => finishIndex(articles, b);
}

/**
 * The index's worker and `workers - 1` helpers, each sent its documents, a chunk to each in turn (the
 * index's worker also gets the heads of the helpers' ranges, which finishing the index reads).
 */
function startWorkers(
  file: URL,
  articles: readonly Article[],
  workers: number,
  analysed: Int32Array,
  traceGc = false,
) {
  const n = articles.length;
  const first = Math.round(n * INDEX_WORKER_SHARE);
  const helpers: Spawned[] = [];
  const parts: PartSource[] = [];
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < workers - 1; i++) {
    const from = first + Math.round(((n - first) * i) / (workers - 1));
    const to = first + Math.round(((n - first) * (i + 1)) / (workers - 1));
    const { port1, port2 } = new MessageChannel();
    const helper = spawn(
      file,
      (link): IndexWorkerData => ({
        ...link,
        traceGc,
        part: { documents: to - from, waitMs: MIN_WAIT_MS, to: port2, analysed },
      }),
      [port2],
    );
    helpers.push(helper);
    parts.push({ from, to, port: port1, flag: helper.flag });
    ranges.push([from, to]);
  }
  const index = spawn(
    file,
    (link): IndexWorkerData => ({
      ...link,
      traceGc,
      index: { documents: n, first, parts, waitMs: MIN_WAIT_MS, worker: file.href, analysed },
    }),
    parts.map((p) => p.port),
  );
  for (let i = 0; i < n; i += CHUNK) {
    const to = Math.min(n, i + CHUNK);
    if (i < first) sendChunks(index, articles, i, Math.min(to, first), (a) => toWire(a, true));
    if (to > first) sendChunks(index, articles, Math.max(i, first), to, documentHead);
    helpers.forEach((h, k) => {
      const [from, to] = ranges[k]!;
      if (from + i < to) sendChunks(h, articles, from + i, Math.min(to, from + i + CHUNK), (a) => toWire(a));
    });
  }
  return { index, helpers };
}

/** Waits (at most waitMs) until the workers analysed `documents`, or one failed (it counts no more). */
function untilAnalysed(
  analysed: Int32Array,
  documents: number,
  workers: readonly Spawned[],
  waitMs: number,
): void {
  const failed = () => workers.some((w) => Atomics.load(w.flag, 0) === FAILED);
  // A worker whose module did not load raises only its flag: the flags are looked at every 100 ms.
  waitWhile(analysed, (n) => n < documents && !failed(), waitMs, 100);
}

/**
 * This thread and the cores left idle by the rest of the machine (load average over a minute): on a busy
 * machine a worker gets no core of its own, and a parallel build only adds its cost (measured on a
 * shared 2-core box at load 10: 51 s in parallel, 35 s on one thread, for 10k articles).
 */
function idleThreads(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.round(cores + 1 - loadavg()[0]!)));
}

/** Builds the index on every core (see startIndexBuild). */
export function buildIndexInParallel(articles: readonly Article[], options?: ParallelOptions): SearchIndex {
  return startIndexBuild(articles, options)();
}

/** The worker module next to this one. */
const workerFileHere = () => workerFile(import.meta.url, 'index-build-worker');
