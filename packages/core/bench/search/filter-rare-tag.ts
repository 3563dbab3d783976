// A filter that keeps few documents: the words of query-cpu's "filtered + faceted" class, each filtered
// by one of 20 tags held by 30 to 200 articles (in turn) and faceted by section and month. The median
// of the best of 10 passes, and a digest of every answer, so two builds can be shown to answer alike.
//   npx tsx --conditions=@gazette/source bench/search/filter-rare-tag.ts [news|replicated] [COUNT]
// Reads .bench/query-cpu-<kind>-<COUNT>.snapshot and its queries (run query-cpu.ts first to make them).
import { createHash } from 'node:crypto';
import { quantile } from '@gazette/bench-corpora';
import { loadCorpus } from '@gazette/core';
import { corpusStateOf } from '../../src/corpus/corpus-over';
import { queriesOf, queryCpuName, readQueryCpu } from './query-cpu-files';

const [kind = 'news', count = '100000'] = process.argv.slice(2);
const name = queryCpuName(kind, count);
const read = readQueryCpu(name);
const corpus = loadCorpus(read.bytes[0]!);
const tags = corpusStateOf(corpus)!.index.facets.tag;
const held = new Uint32Array(tags.values.length);
for (const v of tags.val) held[v]!++;
const rare: string[] = [];
for (let v = 0; v < held.length && rare.length < 20; v++)
  if (held[v]! >= 30 && held[v]! <= 200) rare.push(tags.values.at(v));
const queries = queriesOf(read.queries, 'filtered + faceted', name);
const reqs = queries.map((q, i) => ({
  q: q.words.join(' '),
  limit: 10,
  filters: { tag: rare[i % rare.length]! },
  facets: ['section' as const, 'month' as const],
}));
const digest = createHash('sha256');
for (const r of reqs) digest.update(JSON.stringify(corpus.search(r)));
let best = Number.POSITIVE_INFINITY;
for (let pass = 0; pass < 10; pass++) {
  const times = reqs.map((r) => {
    const t = performance.now();
    corpus.search(r);
    return performance.now() - t;
  });
  best = Math.min(best, quantile(times, 0.5));
}
console.log(
  `${kind} ${count}: one word + a rare tag (${rare.length} tags of 30-200 articles) + facets: best-pass p50 ${best.toFixed(4)} ms; digest ${digest.digest('hex').slice(0, 16)}`,
);
