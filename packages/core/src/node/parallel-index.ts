import { availableParallelism, loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Article } from '../model/article-schema';
import {
  analyseDocuments,
  type Builders,
  buildLists,
  createBuilders,
  finishIndex,
  type IndexLists,
  type ListsInput,
} from '../search/index/build-index';
import { analysePart, appendPart, type IndexPart } from '../search/index/index-part';
import { indexedFields } from '../search/index/indexed-article';
import type { SearchIndex } from '../search/index/search-index';
import { DONE, FAILED, type IndexWorkerData, type ListsMessage } from './index-build-worker';
import { PositionLists } from '../search/index/position-lists';
import { PostingLists } from '../search/index/posting-lists';
import { workerFile } from './worker-file';

/** Fewer articles than this are indexed on one thread: starting a worker costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 2000;
/** Share of the articles the workers analyse: the main thread also sends them, builds the article records and merges. */
const WORKER_SHARE = 0.7;
/** A worker that has not answered this long after the main thread's own share (or 10 times that) is not waited for. */
const MIN_WAIT_MS = 60_000;

export interface ParallelOptions {
  /** Threads to use, this one included (default: this one and the cores idle over the last minute). */
  threads?: number;
  /** Fewest articles for a parallel build (default MIN_PARALLEL_ARTICLES); each worker gets at least half as many. */
  minArticles?: number;
  /** The worker module (default: index-build-worker next to this module). */
  worker?: URL;
  /** Told, once the index is built, how many workers were started and how many of their parts arrived. */
  onBuilt?: (workers: { started: number; answered: number }) => void;
  /** Told whether a worker built the postings and positions (false: built on this thread). */
  onListsBuilt?: (byWorker: boolean) => void;
}

interface Spawned {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

interface Pending extends Spawned {
  from: number;
  to: number;
}

/**
 * Starts building the index of `articles` (in document order) on every core: workers analyse the later
 * ranges while this thread analyses the first; the returned function (call it when this thread has
 * nothing else to do) appends the workers' parts in order and finishes the index, the same index
 * buildIndex gives. A worker that fails or cannot start has its range analysed here instead.
 */
export function startIndexBuild(
  articles: readonly Article[],
  options: ParallelOptions = {},
): () => SearchIndex {
  const { threads = idleThreads(), minArticles = MIN_PARALLEL_ARTICLES } = options;
  const file = options.worker ?? workerFileHere();
  const workers = Math.min(threads - 1, Math.floor(articles.length / Math.max(1, minArticles / 2)));
  const b = createBuilders(articles.length);
  if (!file || workers < 1) {
    analyseDocuments(b, articles, 0, articles.length);
    return () => finishIndex(articles, b);
  }
  const first = Math.round(articles.length * (1 - WORKER_SHARE));
  const pending: Pending[] = [];
  for (let i = 0; i < workers; i++) {
    const from = first + Math.round(((articles.length - first) * i) / workers);
    const to = first + Math.round(((articles.length - first) * (i + 1)) / workers);
    pending.push(startWorker(file, articles, from, to));
  }
  const started = performance.now();
  analyseDocuments(b, articles, 0, first);
  const waitMs = Math.max(MIN_WAIT_MS, 10 * (performance.now() - started));
  return () => {
    let answered = 0;
    for (const p of pending) if (collect(b, articles, p, waitMs)) answered++;
    options.onBuilt?.({ started: pending.length, answered });
    return finishIndex(articles, b, (input) => startListsInWorker(file, input, waitMs, options.onListsBuilt));
  };
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

function startWorker(file: URL, articles: readonly Article[], from: number, to: number): Pending {
  const slice = articles.slice(from, to).map(indexedFields);
  return { from, to, ...spawn(file, (port, flag) => ({ articles: slice, port, flag })) };
}

/** Starts a worker on the module with data made for the port it answers on and its flag. */
function spawn(file: URL, data: (port: MessagePort, flag: Int32Array) => IndexWorkerData): Spawned {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { url: file.href, ts: file.pathname.endsWith('.ts'), data: data(port2, flag) },
    transferList: [port2],
    // A worker's heap may grow as this thread's may (the process's --max-old-space-size, or V8's default).
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  // Failures are seen through the flag (or its timeout); an unheard 'error' event would end the process.
  worker.on('error', () => {});
  worker.unref();
  return { worker, port: port1, flag };
}

/**
 * The finishing stage's postings and positions built by a worker while this thread writes the string
 * columns: its heap holds no articles, so the garbage collections its large arrays set off are short.
 * The input is copied, not transferred: if the worker fails or does not answer, they are built here.
 */
export function startListsInWorker(
  file: URL,
  input: ListsInput,
  waitMs: number,
  onBuilt?: (byWorker: boolean) => void,
): () => IndexLists {
  const w = spawn(file, (port, flag) => ({ lists: input, port, flag }));
  return () => {
    const answer = answerOf<ListsMessage>(w, 'lists', waitMs);
    onBuilt?.(answer !== undefined);
    if (!answer) return buildLists(input);
    const { postings: p, positions: q } = answer;
    return {
      postings: new PostingLists(p.termOff, p.byteOff, p.bytes, p.docCount),
      positions: new PositionLists(q.byteOff, q.bytes, q.textCount),
    };
  };
}

/** Appends a worker's part (true), or analyses its range here if it failed or did not answer in time. */
function collect(b: Builders, articles: readonly Article[], p: Pending, waitMs: number): boolean {
  const part = answerOf<IndexPart>(p, 'part', waitMs);
  // Deferred: the lists' worker appends the parts' entries and words, sparing this thread's heap (it
  // holds the articles, and each large array allocated here sets off a full collection of it).
  appendPart(b, part ?? analysePart(articles.slice(p.from, p.to)), p.from, articles, true);
  return part !== undefined;
}

/** What a worker posted under `key` once it raised its flag as done (undefined if it failed or timed out); it is ended. */
function answerOf<T>(w: Spawned, key: string, waitMs: number): T | undefined {
  Atomics.wait(w.flag, 0, 0, waitMs);
  const answer =
    Atomics.load(w.flag, 0) === DONE
      ? (receiveMessageOnPort(w.port)?.message as Record<string, T> | undefined)?.[key]
      : undefined;
  void w.worker.terminate();
  w.port.close();
  return answer;
}

/**
 * Loads the worker module and runs it; a module that cannot load raises the flag as failed. TypeScript
 * source (tests, benches) is loaded through tsx, registered in the worker.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const load = async () => {
  if (workerData.ts) (await import('tsx/esm/api')).register();
  return import(workerData.url);
};
load().then(
  (m) => m.run(workerData.data),
  () => { Atomics.store(workerData.data.flag, 0, ${FAILED}); Atomics.notify(workerData.data.flag, 0); },
);
`;

/** The worker module next to this one. */
const workerFileHere = () => workerFile(import.meta.url, 'index-build-worker');
