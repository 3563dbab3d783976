// CPU time per search, per query class of the speed bench (its seeded queries, as its Gazette adapter asks
// them): the minimum over REPS passes of each set, so a shared, noisy machine shows the code's cost, not
// its neighbours'. Prints a digest of every result too (ids, scores, snippets, totals, cursors), so two
// builds can be shown to answer alike. The corpus is built once and kept as a snapshot under .bench/.
//   npx tsx --conditions=@gazette/source bench/search/query-cpu.ts [news|replicated|bbc] [COUNT] [REPS]
//   GAZETTE_QUERY_CPU_ONLY='AND 2 words'   one class only (e.g. under --cpu-prof)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PARSED_CACHE_DIR } from '@gazette/bench-corpora';
import { type Corpus, createCorpus, loadCorpus } from '@gazette/core';
import { type CorpusSpec, corpusArticles } from './articles';
import { gazetteRequest, type Query, toDoc } from './engines';
import { speedQueries } from './speed-queries';

const [kind = 'news', countArg = '10000', repsArg = '15'] = process.argv.slice(2);
const spec: CorpusSpec =
  kind === 'bbc' ? { kind: 'bbc' } : { kind: kind as 'news' | 'replicated', count: Number(countArg) };
const reps = Number(repsArg);
const only = process.env.GAZETTE_QUERY_CPU_ONLY;

const name = spec.kind === 'bbc' ? 'bbc' : `${spec.kind}-${spec.count}`;
const snapFile = `${PARSED_CACHE_DIR}query-cpu-${name}.snapshot`;
const queriesFile = `${PARSED_CACHE_DIR}query-cpu-${name}.queries.json`;
let corpus: Corpus;
let queries: Record<string, Query[]>;
if (existsSync(snapFile) && existsSync(queriesFile)) {
  corpus = loadCorpus(new Uint8Array(readFileSync(snapFile)));
  queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
} else {
  const articles = corpusArticles(spec);
  queries = speedQueries(articles.map(toDoc));
  const built = createCorpus(articles);
  mkdirSync(PARSED_CACHE_DIR, { recursive: true });
  writeFileSync(snapFile, built.toSnapshot());
  writeFileSync(queriesFile, JSON.stringify(queries));
  corpus = loadCorpus(new Uint8Array(readFileSync(snapFile)));
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows: string[][] = [['class', 'cpu ms/query (min)', 'wall p50 ms (best pass)', 'digest']];
for (const [cls, qs] of Object.entries(queries)) {
  if (only && cls !== only) continue;
  const reqs = qs.map(gazetteRequest);
  const digest = createHash('sha256');
  for (const r of reqs) digest.update(JSON.stringify(corpus.search(r)));
  let best = Number.POSITIVE_INFINITY;
  let bestP50 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) {
    const times: number[] = [];
    const c0 = cpu();
    for (const r of reqs) {
      const t = performance.now();
      corpus.search(r);
      times.push(performance.now() - t);
    }
    best = Math.min(best, (cpu() - c0) / reqs.length);
    times.sort((a, b) => a - b);
    bestP50 = Math.min(bestP50, times[times.length >> 1]!);
  }
  rows.push([cls, best.toFixed(4), bestP50.toFixed(4), digest.digest('hex').slice(0, 16)]);
}
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(24))).join(''));
