// Measures one engine on one corpus, inside a worker thread of the benchmark process (own heap, memory
// cap and time limit, so a peer that crashes or stalls cannot take the benchmark down).
import { quantile } from '@gazette/bench-corpora';
import { gzipSync } from 'node:zlib';
import { readFileSync, statSync } from 'node:fs';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '@gazette/core';
import { type CorpusSpec, corpusArticles, corpusBatches } from './articles';
import { type Engine, FACTORIES, gazetteSegments, gazetteSegmentsFor, type Query } from './engines';

export interface WorkerInput {
  engine: string;
  corpus: CorpusSpec;
  queries: Record<string, Query[]>;
  /** Per query set, queries of its kind asked before it is timed (other queries than the timed ones). */
  warmUp: Record<string, Query[]>;
  /** Per query set, stop timing after this long (and warming up after a quarter of it). */
  capMs: number;
}

/** Warm-up queries per set: enough that every engine's code has reached the JIT tier a running server's has. */
export const WARM_UP_QUERIES = 200;

export interface Latency {
  p50: number;
  p95: number;
  n: number;
  /** Queries with at least one hit: an engine that gives up (a work budget) is fast and finds nothing. */
  answered: number;
}

export interface WorkerResult {
  engine: string;
  buildMs: number;
  heapMb: number;
  /** Memory outside the JS heap held in ArrayBuffers (typed arrays), which heap figures leave out. */
  bufferMb: number;
  loadBufferMb?: number;
  snapshotBytes?: number;
  snapshotGzipBytes?: number;
  snapshotError?: string;
  /** The index part of the snapshot (without the records it hands back), and what it holds. */
  indexBytes?: number;
  indexGzipBytes?: number;
  indexHolds?: string;
  /** Terms in its dictionary, as the engine counts them. */
  dictionary?: string;
  coldMs?: number;
  loadHeapMb?: number;
  latency: Record<string, Latency | 'n/a' | string>;
}

type Collect = (options?: { type: 'minor' | 'major' }) => void;
const collect = () => (globalThis as { gc?: Collect }).gc;
const gc = () => {
  for (let i = 0; i < 3; i++) collect()?.();
};
/** The young generation collected: the last set's short-lived garbage, and no compiled code lost (see run). */
const minorGc = () => collect()?.({ type: 'minor' });
const heap = () => v8.getHeapStatistics().used_heap_size;
const buffers = () => process.memoryUsage().arrayBuffers;

function slim(a: Article): Article {
  // Peers get only what they index, so their heap is not charged for fields they never read.
  return {
    id: a.id,
    title: a.title,
    standfirst: a.standfirst,
    body: a.body,
    section: a.section,
    publishedAt: a.publishedAt,
  } as Article;
}

/** The index part: the engine's own figure, or the whole snapshot where that is all its index. */
function measureIndexPart(engine: Engine, snapshot: Array<string | Uint8Array> | undefined, r: WorkerResult) {
  try {
    const part = engine.indexPart?.(snapshot);
    if (part) {
      r.indexBytes = part.bytes;
      r.indexGzipBytes = part.gzipBytes;
      r.indexHolds = part.holds;
    } else if (engine.indexHolds && r.snapshotBytes !== undefined && r.snapshotGzipBytes !== undefined) {
      r.indexBytes = r.snapshotBytes;
      r.indexGzipBytes = r.snapshotGzipBytes;
      r.indexHolds = engine.indexHolds;
    }
  } catch (e) {
    r.indexHolds = `fails: ${(e as Error).message.slice(0, 60)}`;
  }
}

/** The engine built, and its build time: Gazette over more than a segment reads its input a batch at a time. */
async function build(input: WorkerInput): Promise<{ engine: Engine; buildMs: number }> {
  const segment = input.corpus.kind === 'bbc' ? undefined : gazetteSegmentsFor(input.corpus.count);
  if (input.engine === 'Gazette' && segment) return gazetteSegments(corpusBatches(input.corpus, segment));
  let articles: Article[] | undefined = corpusArticles(input.corpus);
  if (input.engine !== 'Gazette') articles = articles.map(slim);
  gc();
  const t0 = performance.now();
  const engine = await FACTORIES[input.engine]!(articles);
  return { engine, buildMs: performance.now() - t0 };
}

/**
 * A server's p50 is its steady state's: its code compiled by the JIT, its caches holding what earlier
 * queries read. Twenty queries were not enough for that (Gazette at news 100k read AND 3 p50 0.46 ms on its
 * first pass after a load and 0.25 ms on a second load with every list read afresh), and they were then
 * timed again, their lists already read. So each set is preceded by other queries of its kind, each once.
 */
function warmUp(engine: Engine, qs: readonly Query[], typos: boolean, capMs: number) {
  const start = performance.now();
  for (const q of qs) {
    engine.search(q, typos);
    if (performance.now() - start > capMs) break;
  }
}

/**
 * Each set timed, after every kind is asked once and then its own kind again (warmUp). Between sets only
 * the young generation is collected (the last set's short-lived garbage): a forced full collection throws
 * away much of the code V8 compiled, and a server under load never runs one. At news 100k, Gazette's AND 3
 * p50 read 0.33-0.37 ms after one and 100 queries of the kind, and 0.27-0.31 without it, after natural
 * full collections or after a young-generation one (bench/search/forced-gc.ts); other kinds alike.
 */
export function timeSets(
  engine: Engine,
  input: Pick<WorkerInput, 'queries' | 'warmUp' | 'capMs'>,
): WorkerResult['latency'] {
  const latency: WorkerResult['latency'] = {};
  // Typos are asked for only where the query has one (engines that read them always ignore the flag).
  const typosOf = (qs: readonly Query[]) => qs[0]!.kind === 'typo';
  const sets = Object.entries(input.queries).filter(([, qs]) => engine.supports.has(qs[0]!.kind));
  for (const [name, qs] of sets) warmUp(engine, input.warmUp[name] ?? [], typosOf(qs), input.capMs / 4);
  for (const [name, qs] of Object.entries(input.queries)) {
    if (!engine.supports.has(qs[0]!.kind)) {
      latency[name] = 'n/a';
      continue;
    }
    minorGc();
    const typos = typosOf(qs);
    warmUp(engine, input.warmUp[name] ?? [], typos, input.capMs / 4);
    const times: number[] = [];
    let answered = 0;
    const start = performance.now();
    for (const q of qs) {
      const t = performance.now();
      const hits = engine.search(q, typos).length;
      times.push(performance.now() - t);
      if (hits > 0) answered++;
      if (performance.now() - start > input.capMs) break;
    }
    latency[name] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length, answered };
  }
  return latency;
}

async function run(input: WorkerInput): Promise<WorkerResult> {
  const h0 = heap();
  const b0 = buffers();
  const built = await build(input);
  let engine: Engine | undefined = built.engine;
  const buildMs = built.buildMs;
  gc();
  const result: WorkerResult = {
    engine: input.engine,
    buildMs,
    heapMb: (heap() - h0) / 2 ** 20,
    bufferMb: (buffers() - b0) / 2 ** 20,
    latency: {},
  };
  // The articles were the build's input (gone with build()): the queries run on what the engine built
  // alone, as a server holding an index would. Kept, they made every full collection during the queries
  // mark them all (at 100k, gigabytes of objects), charged to whichever queries it fell on. The build's
  // garbage went with the full collection above, the one before any set.
  result.latency = timeSets(engine, input);
  let snapshot: Array<string | Uint8Array> | undefined;
  try {
    if (engine.file) {
      result.snapshotBytes = statSync(engine.file).size;
      result.snapshotGzipBytes = gzipSync(readFileSync(engine.file)).length;
    } else if (engine.snapshot) {
      snapshot = engine.snapshot();
      result.snapshotBytes = snapshot.reduce((n, p) => n + Buffer.byteLength(p), 0);
      result.snapshotGzipBytes = snapshot.reduce((n, p) => n + gzipSync(p).length, 0);
    }
  } catch (e) {
    result.snapshotError = (e as Error).message.slice(0, 80);
  }
  measureIndexPart(engine, snapshot, result);
  try {
    const dictionary = engine.dictionary?.(snapshot);
    if (dictionary !== undefined) result.dictionary = dictionary;
  } catch (e) {
    result.dictionary = `fails: ${(e as Error).message.slice(0, 60)}`;
  }
  if (engine.load && (snapshot !== undefined || engine.file)) {
    const first = Object.values(input.queries)[0]![0]!;
    const load = engine.load.bind(engine);
    const fileEngine = engine.file !== undefined;
    if (!fileEngine) {
      engine.dispose?.();
      engine = undefined;
    }
    gc();
    const h1 = heap();
    const b1 = buffers();
    const t1 = performance.now();
    try {
      const loaded = load(snapshot ?? []);
      loaded.search(first, false);
      result.coldMs = performance.now() - t1;
      gc();
      result.loadHeapMb = (heap() - h1) / 2 ** 20;
      result.loadBufferMb = (buffers() - b1) / 2 ** 20;
      loaded.dispose?.();
    } catch (e) {
      result.snapshotError = `load: ${(e as Error).message.slice(0, 80)}`;
    }
  }
  engine?.dispose?.();
  return result;
}

if (parentPort) {
  run(workerData as WorkerInput).then(
    (r) => parentPort!.postMessage(r),
    (e) => parentPort!.postMessage({ error: String((e as Error)?.stack ?? e).slice(0, 300) }),
  );
}
