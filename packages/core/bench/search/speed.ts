// Speed and size, side by side: Gazette, MiniSearch, Orama, FlexSearch, Lunr and SQLite FTS5 on the
// same articles and queries. Each engine runs in a worker thread of this process (own heap, capped
// memory and time), one after another, so a peer that crashes or stalls is reported, not fatal.
import { Worker } from 'node:worker_threads';
import { type CorpusSpec, corpusArticles, corpusBatches, corpusLabel } from './articles';
import { type CorpusVocabulary, corpusVocabulary, describeVocabulary } from './corpus-vocabulary';
import { type Doc, toDoc } from './engines';
import { printTable } from './relevance';
import { speedQueries } from './speed-queries';
import { type Latency, WARM_UP_QUERIES, type WorkerInput, type WorkerResult } from './speed-worker';

/** What one corpus measured: every engine's result, or why it has none. */
export interface SpeedRun {
  label: string;
  vocabulary: CorpusVocabulary;
  results: Array<WorkerResult | { engine: string; failure: string }>;
  /** Engines left out of this corpus, with the reason. */
  skipped: string[];
}

function runWorker(input: WorkerInput, timeoutMs: number, memoryMb: number): Promise<WorkerResult | string> {
  return new Promise((resolve) => {
    const w = new Worker(new URL('./speed-worker.ts', import.meta.url), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve(`stopped after ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    w.once('message', (m: WorkerResult | { error: string }) => {
      clearTimeout(timer);
      void w.terminate();
      resolve('error' in m ? `failed: ${m.error.split('\n')[0]}` : m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      resolve(
        /memory/i.test(e.message)
          ? `out of memory (${memoryMb} MB cap)`
          : `crashed: ${e.message.slice(0, 60)}`,
      );
    });
  });
}

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(1));
const ratio = (x: number | undefined, base: number | undefined) =>
  x === undefined || base === undefined || base <= 0 || x < 0 ? '' : ` (${(x / base).toFixed(1)}×)`;

export async function speed(
  corpus: CorpusSpec,
  engines: { run: string[]; skipped: string[] },
  timeoutMs: number,
  memoryMb: number,
  capMs = 20_000,
  /** Called after each engine with what is measured so far (a long run leaves its figures as it goes). */
  progress?: (run: SpeedRun) => void,
): Promise<SpeedRun> {
  const { label, vocabulary, queries, warmUp } = prepare(corpus);
  console.log(`\nSpeed and size: ${label}; times in ms, sizes in MB; (×) = relative to Gazette`);
  console.log(`${describeVocabulary(vocabulary)}\n`);
  const results: SpeedRun['results'] = [];
  for (const engine of engines.run) {
    settle();
    const r = await runWorker({ engine, corpus, queries, warmUp, capMs }, timeoutMs, memoryMb);
    results.push(typeof r === 'string' ? { engine, failure: r } : r);
    console.error(`  ${engine}: ${typeof r === 'string' ? r : 'done'}`);
    const left = engines.run.slice(results.length);
    if (left.length)
      progress?.({
        label,
        vocabulary,
        results,
        skipped: [...engines.skipped, `${left.join(', ')} not measured yet (the run is still going)`],
      });
  }
  const base = results.find((r): r is WorkerResult => r.engine === 'Gazette' && !('failure' in r));
  const rows: string[][] = [];
  const metric = (
    name: string,
    get: (r: WorkerResult) => number | undefined,
    fmt: (x: number | undefined) => string,
  ) => {
    rows.push([
      name,
      ...results.map((r) => {
        if ('failure' in r) return r.failure;
        const x = get(r);
        if (x === undefined)
          return r.snapshotError && /snapshot|cold/.test(name) ? `fails: ${r.snapshotError}` : '–';
        return fmt(x) + (r === base ? '' : ratio(x, base ? get(base) : undefined));
      }),
    ]);
  };
  rows.push(['dictionary terms', ...results.map((r) => ('failure' in r ? '' : (r.dictionary ?? '–')))]);
  metric(
    'build (ms)',
    (r) => r.buildMs,
    (x) => ms(x!),
  );
  metric(
    'heap after build (MB)',
    (r) => r.heapMb,
    (x) => x!.toFixed(1),
  );
  metric(
    'typed arrays after build (MB)',
    (r) => r.bufferMb,
    (x) => x!.toFixed(1),
  );
  metric('snapshot raw (MB)', (r) => r.snapshotBytes, mb);
  metric('snapshot gzip (MB)', (r) => r.snapshotGzipBytes, mb);
  metric('index part, without records, raw (MB)', (r) => r.indexBytes, mb);
  metric('index part, without records, gzip (MB)', (r) => r.indexGzipBytes, mb);
  metric(
    'cold start: load + 1st query (ms)',
    (r) => r.coldMs,
    (x) => ms(x!),
  );
  metric(
    'heap after load (MB)',
    (r) => r.loadHeapMb,
    (x) => x!.toFixed(1),
  );
  metric(
    'typed arrays after load (MB)',
    (r) => r.loadBufferMb,
    (x) => x!.toFixed(1),
  );
  for (const name of Object.keys(queries)) {
    for (const p of ['p50', 'p95'] as const) {
      rows.push([
        `${name} ${p} (ms)`,
        ...results.map((r) => {
          if ('failure' in r) return '';
          const l = r.latency[name];
          if (typeof l !== 'object') return l ?? '–';
          const b = base?.latency[name] as Latency | undefined;
          return ms(l[p]) + (r === base ? '' : ratio(l[p], typeof b === 'object' ? b[p] : undefined));
        }),
      ]);
    }
  }
  printTable(['', ...results.map((r) => r.engine)], rows);
  for (const s of engines.skipped) console.log(`skipped: ${s}`);
  return { label, vocabulary, results, skipped: engines.skipped };
}

/** Seed of the warm-up queries: drawn as the timed ones are, but other queries (see speed-worker's run). */
export const WARM_UP_SEED = 8;

/**
 * Collects this thread's garbage (the corpus prepare read, gigabytes at 100k) before a worker starts: left
 * to V8, its collection and sweeping ran beside the first engine's build (Gazette's, news 100k: 47.9 and
 * 49.5 s in two runs; 41.7 s after one collection, 37.0 s after two: the second waits for the first's
 * sweeping).
 */
function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/**
 * The corpus as the engines index it, in its order. The news corpus is read a batch of articles at a
 * time: its 300k parsed articles take about 7 GB of heap, and held whole beside their documents they
 * passed the bench's 8 GB (2026-12-05). An id that repeats keeps its first place and its last article,
 * as parsedNews keeps it.
 */
function corpusDocs(corpus: CorpusSpec): Doc[] {
  if (corpus.kind !== 'news') return corpusArticles(corpus).map(toDoc);
  const docs = new Map<string, Doc>();
  for (const batch of corpusBatches(corpus, 10_000)) for (const a of batch) docs.set(a.id, toDoc(a));
  return [...docs.values()];
}

/** The corpus's label, vocabulary, timed and warm-up queries; its documents are dropped before the engines run. */
function prepare(corpus: CorpusSpec) {
  const docs = corpusDocs(corpus);
  return {
    label: corpusLabel(corpus, docs.length),
    vocabulary: corpusVocabulary(corpus, docs),
    queries: speedQueries(docs),
    warmUp: speedQueries(docs, WARM_UP_QUERIES, WARM_UP_SEED),
  };
}
