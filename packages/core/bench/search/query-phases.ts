// Where a search's first pass goes: engine.match (parse, lists, intersection) and engine.page (ranking,
// proximity, snippets, ids), per query, the least of COLD fresh loads of query-cpu's snapshot (each after
// 20 queries to warm up, as query-cpu's first pass). Two builds compared in turn show which phase a
// change moved, where query-cpu's whole-query figure is noise-bound on a shared machine.
//   npx tsx --conditions=@gazette/source bench/search/query-phases.ts [news|replicated] [COUNT] [CLASS] [COLD]
// Reads .bench/query-cpu-<kind>-<COUNT>.snapshot and its queries (run query-cpu.ts first to make them).
import { quantile } from '@gazette/bench-corpora';
import { loadCorpus } from '@gazette/core';
import { corpusStateOf } from '../../src/corpus/corpus-over';
import { gazetteRequest } from './engines';
import { queriesOf, queryCpuName, readQueryCpu } from './query-cpu-files';

const [kind = 'news', count = '100000', cls = 'AND 3 words', coldArg = '5'] = process.argv.slice(2);
const name = queryCpuName(kind, count);
const read = readQueryCpu(name);
const bytes = read.bytes[0]!;
const reqs = queriesOf(read.queries, cls, name).map(gazetteRequest);
const match = new Float64Array(reqs.length).fill(Number.POSITIVE_INFINITY);
const page = new Float64Array(reqs.length).fill(Number.POSITIVE_INFINITY);
for (let c = 0; c < Number(coldArg); c++) {
  const corpus = loadCorpus(bytes);
  const engine = corpusStateOf(corpus)!.engine;
  for (const r of reqs.slice(0, 20)) corpus.search(r);
  reqs.forEach((r, i) => {
    const t0 = performance.now();
    const found = engine.match(r.q, undefined, 'auto');
    const t1 = performance.now();
    engine.page(found, 'relevance', 0, r.limit);
    const t2 = performance.now();
    match[i] = Math.min(match[i]!, t1 - t0);
    page[i] = Math.min(page[i]!, t2 - t1);
  });
}
const median = (a: Float64Array) => quantile(a, 0.5);
const both = match.map((m, i) => m + page[i]!);
// The heavy tail (a phrase of common words) moves where the median query does not.
const p95 = quantile(both, 0.95);
const mean = both.reduce((a, b) => a + b, 0) / both.length;
console.log(
  `${cls} at ${kind} ${count}, least of ${coldArg} first passes, median ms: match ${median(match).toFixed(4)}, page ${median(page).toFixed(4)}, both ${median(both).toFixed(4)}; both p95 ${p95.toFixed(3)}, mean ${mean.toFixed(4)}`,
);
