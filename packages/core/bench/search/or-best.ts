// The ranked OR's own cost, steady state: every best(k, below) that query-cpu's OR queries ask (one per
// segment when the corpus is held in segments) captured once, then asked again PASSES times; ms per
// query (the least pass). And what it reads per query, mean (p50), summed over segments: the documents
// its lists match, those visited one by one (the rest skipped whole: held only by weak lists, or in
// ranges whose best impacts cannot beat the k-th held), and those scored.
//   npx tsx --conditions=@gazette/source bench/search/or-best.ts [news|replicated] [COUNT] [SEGMENT] [PASSES]
// Reads .bench/query-cpu-<kind>-<COUNT>[-seg<SEGMENT>].snapshot(s) and queries (run query-cpu.ts first).
import { quantile } from '@gazette/bench-corpora';
import { PendingUnion } from '../../src/search/engine/pending-union';
import { gazetteRequest } from './engines';
import { loadQueryCpu, queryCpuName, readQueryCpu } from './query-cpu-files';

const [kind = 'news', count = '100000', segment = '', passesArg = '20'] = process.argv.slice(2);
const read = readQueryCpu(queryCpuName(kind, count, segment));
const corpus = loadQueryCpu(read.bytes);
const classes = read.queries;

type Asked = { union: PendingUnion; k: number; below: number | undefined; query: number };
let asked: Asked[] = [];
let query = 0;
const best = PendingUnion.prototype.best;
PendingUnion.prototype.best = function (this: PendingUnion, k: number, below?: number) {
  asked.push({ union: this, k, below, query });
  return best.call(this, k, below);
};
for (const [cls, qs] of Object.entries(classes)) {
  if (!cls.startsWith('OR')) continue;
  asked = [];
  qs.forEach((q, i) => {
    query = i;
    corpus.search(gazetteRequest(q));
  });
  const calls = asked;
  const seen = qs.map(() => ({ total: 0, visited: 0, scored: 0 }));
  let least = Number.POSITIVE_INFINITY;
  for (let p = 0; p < Number(passesArg); p++) {
    const t = performance.now();
    for (const a of calls) {
      const out = best.call(a.union, a.k, a.below);
      if (p > 0) continue;
      seen[a.query]!.total += out.total;
      seen[a.query]!.visited += out.visited;
      seen[a.query]!.scored += out.scored;
    }
    least = Math.min(least, performance.now() - t);
  }
  const col = (key: 'total' | 'visited' | 'scored') => {
    const v = seen.map((s) => s[key]);
    return `${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(0)} (${quantile(v, 0.5)})`;
  };
  console.log(
    `${cls}: best() ${(least / qs.length).toFixed(4)} ms/query (${calls.length} calls); per query, mean (p50): matched ${col('total')}, visited ${col('visited')}, scored ${col('scored')}`,
  );
}
