// CPU time per search, per query class of the speed bench (its seeded queries, as its Gazette adapter asks
// them): the minimum over REPS passes of each set, so a shared, noisy machine shows the code's cost, not
// its neighbours'. Prints a digest of every result too (ids, scores, snippets, totals, cursors), so two
// builds can be shown to answer alike. The corpus is built once and kept as a snapshot under .bench/.
// First, the least of GAZETTE_QUERY_CPU_COLD (3) first passes, each on the snapshot loaded afresh after
// 20 of the class's queries: every list read the first time, the code compiled by the passes before it
// (bench:search warms each engine up with 200 other queries of the class, so its lists of common words
// are read already there). `total p50`: the median query's matches, since a query's work grows with them
// (the queries are drawn from the corpus, so a larger one asks commoner words and phrases).
//   npx tsx --conditions=@gazette/source bench/search/query-cpu.ts [news|replicated|bbc] [COUNT] [REPS]
//   GAZETTE_QUERY_CPU_ONLY='AND 2 words'   one class only (e.g. under --cpu-prof)
//   GAZETTE_QUERY_CPU_SEGMENT=10000         held as a live index holds it: segments of this many articles,
//                                           queried through segmentedCorpus (and its cold start timed)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PARSED_CACHE_DIR } from '@gazette/bench-corpora';
import { type Corpus, createCorpus } from '@gazette/core';
import { type CorpusSpec, corpusArticles, corpusBatches } from './articles';
import { type Doc, gazetteRequest, type Query, toDoc } from './engines';
import { loadQueryCpu, queryCpuPath, readQueryCpu } from './query-cpu-files';
import { speedQueries } from './speed-queries';

const [kind = 'news', countArg = '10000', repsArg = '15'] = process.argv.slice(2);
const spec: CorpusSpec =
  kind === 'bbc' ? { kind: 'bbc' } : { kind: kind as 'news' | 'replicated', count: Number(countArg) };
const reps = Number(repsArg);
const only = process.env.GAZETTE_QUERY_CPU_ONLY;

const segment = Number(process.env.GAZETTE_QUERY_CPU_SEGMENT) || Number.POSITIVE_INFINITY;
const name = `${spec.kind === 'bbc' ? 'bbc' : `${spec.kind}-${spec.count}`}${Number.isFinite(segment) ? `-seg${segment}` : ''}`;
const snapFile = `${queryCpuPath(name)}.snapshot`;
const queriesFile = `${queryCpuPath(name)}.queries.json`;
/** The snapshot files: one, or one per segment (snapshot, snapshot.1, ...). */
const partFiles = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? snapFile : `${snapFile}.${i}`));
/** The articles `size` at a time, in order. */
function* slices<T>(all: T[], size: number): Generator<T[]> {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}
let parts: Uint8Array[];
let queries: Record<string, Query[]>;
if (existsSync(snapFile) && existsSync(queriesFile)) ({ bytes: parts, queries } = readQueryCpu(name));
else {
  mkdirSync(PARSED_CACHE_DIR, { recursive: true });
  // News in segments is read a batch at a time (as bench:search builds its segments): 300k parsed
  // articles at once take about 7 GB of heap; their docs, which the queries are drawn from, far less.
  const batches =
    spec.kind === 'news' && Number.isFinite(segment)
      ? corpusBatches(spec, segment)
      : slices(corpusArticles(spec), Math.min(segment, Number.MAX_SAFE_INTEGER));
  const docs: Doc[] = [];
  let written = 0;
  for (const batch of batches) {
    for (const a of batch) docs.push(toDoc(a));
    writeFileSync(partFiles(written + 1)[written]!, createCorpus(batch).toSnapshot());
    written++;
  }
  queries = speedQueries(docs);
  writeFileSync(queriesFile, JSON.stringify(queries));
  parts = partFiles(written).map((file) => new Uint8Array(readFileSync(file)));
}
/**
 * The corpus as loaded afresh: one snapshot, or its segments as one corpus. `adopt`: the bytes are this
 * load's own (a copy, as a file read for the load is), and the corpus takes them over, as the Node file
 * readers and kept segments do.
 */
const load = (bytes: readonly Uint8Array[] = parts, adopt = false): Corpus => loadQueryCpu(bytes, adopt);
let corpus: Corpus = load();
/** First passes, each on a freshly loaded corpus (its caches empty): the least of them is reported. */
const COLD = Number(process.env.GAZETTE_QUERY_CPU_COLD ?? 3);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows: string[][] = [
  [
    'class',
    'first pass cpu (min)',
    'first pass wall p50',
    'cpu ms/query (min)',
    'wall p50 ms (best pass)',
    'total p50',
    'digest',
  ],
];
/** One timed pass over the requests: CPU ms a query, and the median wall time. */
function pass(reqs: ReturnType<typeof gazetteRequest>[]): { cpu: number; p50: number } {
  const times: number[] = [];
  const c0 = cpu();
  for (const r of reqs) {
    const t = performance.now();
    corpus.search(r);
    times.push(performance.now() - t);
  }
  const used = (cpu() - c0) / reqs.length;
  times.sort((a, b) => a - b);
  return { cpu: used, p50: times[times.length >> 1]! };
}
for (const [cls, qs] of Object.entries(queries)) {
  if (only && cls !== only) continue;
  const reqs = qs.map(gazetteRequest);
  // One pass after 20 queries to warm up, each query's lists read for the first time (decoded, cached,
  // their positions walked): the upper end of what bench:search's figures for issue #15 measure.
  const first = { cpu: Number.POSITIVE_INFINITY, p50: Number.POSITIVE_INFINITY };
  for (let c = 0; c < COLD; c++) {
    corpus = load();
    for (const r of reqs.slice(0, 20)) corpus.search(r);
    const p = pass(reqs);
    first.cpu = Math.min(first.cpu, p.cpu);
    first.p50 = Math.min(first.p50, p.p50);
  }
  const digest = createHash('sha256');
  const totals: number[] = [];
  for (const r of reqs) {
    const result = corpus.search(r);
    digest.update(JSON.stringify(result));
    totals.push(result.total);
  }
  totals.sort((a, b) => a - b);
  const warm = { cpu: Number.POSITIVE_INFINITY, p50: Number.POSITIVE_INFINITY };
  for (let i = 0; i < reps; i++) {
    const p = pass(reqs);
    warm.cpu = Math.min(warm.cpu, p.cpu);
    warm.p50 = Math.min(warm.p50, p.p50);
  }
  rows.push([
    cls,
    first.cpu.toFixed(4),
    first.p50.toFixed(4),
    warm.cpu.toFixed(4),
    warm.p50.toFixed(4),
    String(totals[totals.length >> 1]),
    digest.digest('hex').slice(0, 16),
  ]);
}
// Cold start as bench:search reads it: the snapshots (bytes read for this load) loaded as one corpus,
// adopted, and a first query answered.
const firstQuery = gazetteRequest(Object.values(queries)[0]![0]!);
let coldStart = Number.POSITIVE_INFINITY;
for (let c = 0; c < COLD; c++) {
  const copies = parts.map((p) => p.slice());
  const t = performance.now();
  load(copies, true).search(firstQuery);
  coldStart = Math.min(coldStart, performance.now() - t);
}
console.log(
  `${parts.length} part(s); cold start (load + 1st query, min of ${COLD}): ${coldStart.toFixed(1)} ms`,
);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(22))).join(''));
