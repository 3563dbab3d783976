// What the JIT's warmth does to a first pass: query-cpu's snapshot loaded afresh three times in one
// process, each load asked every class in turn (20 of its queries to warm up, then one timed pass). The
// data is as cold on every load (each list read the first time); only the code's compilation differs,
// which is why bench:search warms each engine up with other queries before it times a set.
//   npx tsx --conditions=@gazette/source bench/search/jit-warmth.ts [news|replicated] [COUNT]
// Reads .bench/query-cpu-<kind>-<COUNT>.snapshot and its queries (run query-cpu.ts first to make them).
import { quantile } from '@gazette/bench-corpora';
import { loadCorpus } from '@gazette/core';
import { gazetteRequest } from './engines';
import { queryCpuName, readQueryCpu } from './query-cpu-files';

const [kind = 'news', count = '100000'] = process.argv.slice(2);
const read = readQueryCpu(queryCpuName(kind, count));
const bytes = read.bytes[0]!;
const classes = read.queries;
for (let load = 1; load <= 3; load++) {
  const corpus = loadCorpus(bytes);
  const line: string[] = [];
  for (const [cls, qs] of Object.entries(classes)) {
    const reqs = qs.map(gazetteRequest);
    for (const r of reqs.slice(0, 20)) corpus.search(r);
    const times = reqs.map((r) => {
      const t0 = performance.now();
      corpus.search(r);
      return performance.now() - t0;
    });
    line.push(`${cls} ${quantile(times, 0.5).toFixed(3)}`);
  }
  console.log(`load ${load}, p50 ms: ${line.join(' | ')}`);
}
