// `npm run bench:worst -w @gazette/core`: each adversarial search (adversarial-queries.ts) on the BBC
// corpus, timed in the core alone (no HTTP): the best of 5 runs after one warm-up, in wall time and in this
// process's CPU time (steadier on a shared machine), the total, whether the work budget cut it short, and
// the worst of them. The API bench times the same searches over HTTP.
import { HAS_SHARED, SHARED_MISSING } from '@gazette/bench-corpora';
import { createCorpus, isGazetteError } from '../../src/internals';
import { adversarialSearches } from './adversarial-queries';
import { bbcArticles } from './articles';
import { printTable } from './relevance';

const RUNS = 5;

if (!HAS_SHARED) {
  console.log(`bench: skipped, the shared corpora are missing (${SHARED_MISSING})`);
} else {
  const corpus = createCorpus(bbcArticles().map((x) => x.article));
  const rows: string[][] = [];
  let worst = { name: '', ms: 0, cpu: 0 };
  for (const { name, params } of adversarialSearches()) {
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    let outcome = '';
    for (let i = 0; i <= RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      try {
        const r = corpus.search(params);
        outcome = `${r.total} found, ${r.hits.length} shown${(r as { partial?: boolean }).partial ? ', partial' : ''}`;
      } catch (error) {
        if (!isGazetteError(error)) throw error;
        outcome = `refused: ${error.code}`;
      }
      const wall = performance.now() - t;
      const used = process.cpuUsage(c);
      if (i > 0) {
        best = Math.min(best, wall);
        bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
      }
    }
    if (best > worst.ms) worst = { name, ms: best, cpu: bestCpu };
    rows.push([name, best.toFixed(2), bestCpu.toFixed(2), outcome]);
  }
  console.log(`\nAdversarial searches on BBC News (${corpus.size} articles): best of ${RUNS} runs, ms\n`);
  printTable(['search', 'wall ms', 'cpu ms', 'result'], rows);
  console.log(`\nworst: ${worst.ms.toFixed(2)} ms wall, ${worst.cpu.toFixed(2)} ms cpu (${worst.name})`);
  // For scale: what an ordinary search costs (1-3 consecutive title words, default page, no facets).
  const words = corpus.list({ limit: 100 }).items.flatMap((a) =>
    a.title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
  const plain = words.flatMap((_, i) => [1, 2, 3].map((n) => words.slice(i, i + n).join(' ')));
  for (const q of plain.slice(0, 200)) corpus.search({ q });
  const c = process.cpuUsage();
  const t = performance.now();
  for (const q of plain) corpus.search({ q });
  const used = process.cpuUsage(c);
  const per = (x: number) => ((x * 1000) / plain.length).toFixed(0);
  console.log(
    `ordinary: ${plain.length} searches of 1-3 title words, ${per(performance.now() - t)} us wall, ${per((used.user + used.system) / 1000)} us cpu each`,
  );
}
