// bench:search's query protocol (speed-worker's timeSets: every kind warmed once, then per set a
// young-generation collection, 200 other queries of its kind and the timed set) replayed on query-cpu's
// snapshot, without building: Gazette's p50 and p95 per class as bench:search would read them, in a few
// minutes instead of a build's, so a change to the query path can be checked against bench:search's own
// figures before the full run. Each run loads the snapshot afresh; the least p50 of RUNS runs is printed.
//   NODE_OPTIONS=--max-old-space-size=8192 npx node --expose-gc --import tsx --conditions=@gazette/source \
//     bench/search/protocol-replay.ts news-300000-seg100000 [RUNS]
// The warm-up queries are drawn from the corpus as bench:search draws them, once, and kept beside
// query-cpu's files (<name>.warmup.json).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '@gazette/core';
import { type CorpusSpec, corpusBatches } from './articles';
import { type Doc, gazetteEngine, type Query, segmentedEngine, toDoc } from './engines';
import { queryCpuPath, readQueryCpu } from './query-cpu-files';
import { WARM_UP_SEED } from './speed';
import { speedQueries } from './speed-queries';
import { timeSets, WARM_UP_QUERIES } from './speed-worker';

const [name = 'news-100000', runsArg = '3'] = process.argv.slice(2);
const { bytes, queries } = readQueryCpu(name);

/** The corpus a query-cpu name stands for (`news-300000-seg100000` is news 300k). */
function specOf(n: string): CorpusSpec {
  const [kind, count] = n.split('-');
  if (kind === 'bbc') return { kind: 'bbc' };
  return { kind: kind as 'news' | 'replicated', count: Number(count) };
}

function warmUpQueries(): Record<string, Query[]> {
  const file = `${queryCpuPath(name)}.warmup.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const docs: Doc[] = [];
  for (const batch of corpusBatches(specOf(name), 100_000)) for (const a of batch) docs.push(toDoc(a));
  const drawn = speedQueries(docs, WARM_UP_QUERIES, WARM_UP_SEED);
  writeFileSync(file, JSON.stringify(drawn));
  return drawn;
}

const warmUp = warmUpQueries();
const best: Record<string, { p50: number; p95: number }> = {};
for (let run = 0; run < Number(runsArg); run++) {
  const engine = bytes.length === 1 ? gazetteEngine(loadCorpus(bytes[0]!)) : segmentedEngine(bytes);
  (globalThis as { gc?: () => void }).gc?.();
  const latency = timeSets(engine, { queries, warmUp, capMs: 60_000 });
  for (const [cls, l] of Object.entries(latency)) {
    if (typeof l !== 'object') continue;
    const b = best[cls];
    best[cls] = { p50: Math.min(b?.p50 ?? Infinity, l.p50), p95: Math.min(b?.p95 ?? Infinity, l.p95) };
  }
}
console.log(`${name}: bench:search's protocol, least of ${runsArg} runs (ms)`);
for (const [cls, l] of Object.entries(best))
  console.log(`${cls.padEnd(20)} p50 ${l.p50.toFixed(3)}  p95 ${l.p95.toFixed(3)}`);
