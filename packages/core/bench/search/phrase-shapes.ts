// Where the phrase class's time goes, by the shape of each phrase as the analyser reads it (C a word, S a
// stop word: "minister for health" is CSC): each of query-cpu's phrase queries timed REPS times in a row
// and the least kept (so its lists are read already: the steady cost, not the first read), then per
// shape its count, p50, p90 and share of the class's summed time. A corpus in segments (query-cpu's
// GAZETTE_QUERY_CPU_SEGMENT) is queried over its segments, as the live index holds it.
//   NODE_OPTIONS=--max-old-space-size=12000 npx tsx --conditions=@gazette/source \
//     bench/search/phrase-shapes.ts news-100000 news-300000-seg100000
// PHRASE_SHAPES_REPS sets the times each query is asked (7).
// Each name needs query-cpu's files (run bench/search/query-cpu.ts first).
import { quantile } from '@gazette/bench-corpora';
import { analyze } from '../../src/search/analysis/analyze';
import { fold } from '../../src/search/analysis/fold';
import { loadQueryCpu, readQueryCpu } from './query-cpu-files';
import { gazetteRequest, type Query } from './engines';

const REPS = Number(process.env.PHRASE_SHAPES_REPS ?? 7);

for (const name of process.argv.slice(2)) {
  const { bytes, queries } = readQueryCpu(name);
  const corpus = loadQueryCpu(bytes);
  const phrases: Query[] = queries.phrase ?? [];
  for (const q of phrases) corpus.search(gazetteRequest(q));
  const rows = phrases.map((q) => {
    const shape = analyze(fold(q.words.join(' ')))
      .map((t) => (t ? 'C' : 'S'))
      .join('');
    let least = Number.POSITIVE_INFINITY;
    for (let r = 0; r < REPS; r++) {
      const t0 = performance.now();
      corpus.search(gazetteRequest(q));
      least = Math.min(least, performance.now() - t0);
    }
    return { shape, ms: least };
  });
  const total = rows.reduce((n, r) => n + r.ms, 0);
  console.log(
    `${name}: ${rows.length} phrases, p50 ${quantile(
      rows.map((r) => r.ms),
      0.5,
    ).toFixed(3)} ms (least of ${REPS} each)`,
  );
  console.log('| shape | queries | p50 (ms) | p90 (ms) | share of time |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const shape of [...new Set(rows.map((r) => r.shape))].sort()) {
    const ms = rows.filter((r) => r.shape === shape).map((r) => r.ms);
    const share = (100 * ms.reduce((n, x) => n + x, 0)) / total;
    console.log(
      `| ${shape} | ${ms.length} | ${quantile(ms, 0.5).toFixed(3)} | ${quantile(ms, 0.9).toFixed(3)} | ${share.toFixed(0)}% |`,
    );
  }
}
