// Does a collection before a query set change what the set measures? bench:search collected fully
// (gc(), three times) before each set, then asked 200 other queries of its kind and timed the set. A
// forced full collection throws away much of the code V8 compiled (--trace-opt shows the query path's
// functions compiled again after it); a natural one does not. One process per figure (the JIT's state is
// the process's): the snapshot of query-cpu is loaded, every other kind asked, then MODE, then the first
// 100 queries of CLASS asked and the other 100 timed (p50, ms).
//   for m in forced once minor async natural none; do npx node --expose-gc --import tsx \
//     --conditions=@gazette/source bench/search/forced-gc.ts $m 'AND 3 words'; done
// MODE: forced (gc() three times, as bench:search did), once (gc() once), minor (young generation only),
// async (a full collection started, not waited for), natural (garbage enough for V8 to collect fully on
// its own), none. Reads .bench/query-cpu-news-100000.* (run query-cpu.ts first).
import { quantile } from '@gazette/bench-corpora';
import { gazetteRequest } from './engines';
import { loadQueryCpu, queriesOf, readQueryCpu } from './query-cpu-files';

const [mode = 'forced', cls = 'AND 3 words', name = 'news-100000'] = process.argv.slice(2);
const read = readQueryCpu(name);
const sets = read.queries;
const queries = queriesOf(sets, cls, name).map(gazetteRequest);
const gc = (globalThis as { gc?: (o?: { type: string; execution?: string }) => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** Objects kept long enough to be promoted, then dropped, until V8 collects the old generation itself. */
function naturalGarbage(): number {
  let kept: object[][] = [];
  let made = 0;
  for (let round = 0; round < 12; round++) {
    const batch: object[] = [];
    for (let i = 0; i < 400_000; i++) batch.push({ i, list: [i] });
    made += batch.length;
    kept.push(batch);
    if (kept.length > 3) kept.shift();
  }
  kept = [];
  return made;
}

const collections: Record<string, () => unknown> = {
  forced: () => [gc(), gc(), gc()],
  once: () => gc(),
  minor: () => gc({ type: 'minor' }),
  async: () => gc({ type: 'major', execution: 'async' }),
  natural: naturalGarbage,
  none: () => undefined,
};
const collect = collections[mode];
if (!collect) throw new Error(`MODE is one of ${Object.keys(collections).join(', ')}`);

const corpus = loadQueryCpu(read.bytes);
for (const [k, qs] of Object.entries(sets))
  if (k !== cls) for (const q of qs) corpus.search(gazetteRequest(q));
collect();
for (const q of queries.slice(0, 100)) corpus.search(q);
const times = queries.slice(100).map((q) => {
  const t = performance.now();
  corpus.search(q);
  return performance.now() - t;
});
console.log(`${cls}, ${mode}: p50 ${quantile(times, 0.5).toFixed(3)} ms over ${times.length} queries`);
