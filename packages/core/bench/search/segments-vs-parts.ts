// Does a query over segments cost more than its segments asked alone? For each query class of a
// query-cpu snapshot in segments (build it first with query-cpu.ts and GAZETTE_QUERY_CPU_SEGMENT), the
// warm wall p50 over the segments (segmentedCorpus) against the p50 of the sum of each segment's own
// search of the same query, and each segment's p50: the segmented path's own cost is the difference.
// Least of 5 passes, after one pass to warm up; the segments are loaded once and shared by both.
//   NODE_OPTIONS=--max-old-space-size=8192 npx tsx --conditions=@gazette/source \
//     bench/search/segments-vs-parts.ts news-300000-seg100000
//   GAZETTE_QUERY_CPU_ONLY=phrase   one class only
import { quantile } from '@gazette/bench-corpora';
import { type Corpus, loadCorpus } from '@gazette/core';
import { segmentedCorpus } from '../../src/live/segmented-corpus';
import { gazetteRequest } from './engines';
import { readQueryCpu } from './query-cpu-files';

const [name = 'news-300000-seg100000'] = process.argv.slice(2);
const only = process.env.GAZETTE_QUERY_CPU_ONLY;
const read = readQueryCpu(name);
const parts = read.bytes.map((b) => loadCorpus(b));
const segmented = segmentedCorpus(parts);
const queries = read.queries;
const p50 = (xs: number[]) => quantile(xs, 0.5);
const PASSES = 5;
/** Wall ms of one search. */
function timed(c: Corpus, r: ReturnType<typeof gazetteRequest>): number {
  const t = performance.now();
  c.search(r);
  return performance.now() - t;
}

console.log(`${name}: ${parts.length} segments; warm wall p50 in ms (least of ${PASSES} passes)`);
for (const [cls, qs] of Object.entries(queries)) {
  if (only && cls !== only) continue;
  const reqs = qs.map(gazetteRequest);
  for (const r of reqs) for (const c of [segmented, ...parts]) c.search(r);
  let over = Number.POSITIVE_INFINITY;
  let summed = Number.POSITIVE_INFINITY;
  const alone = parts.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < PASSES; pass++) {
    const tOver: number[] = [];
    const tSum: number[] = [];
    const tAlone: number[][] = parts.map(() => []);
    // Each in a pass of its own: asked one after the other, the second would find the first's blocks
    // of the same query in the processor's caches.
    for (const r of reqs) tOver.push(timed(segmented, r));
    for (const r of reqs) {
      let sum = 0;
      parts.forEach((c, s) => {
        const took = timed(c, r);
        tAlone[s]!.push(took);
        sum += took;
      });
      tSum.push(sum);
    }
    over = Math.min(over, p50(tOver));
    summed = Math.min(summed, p50(tSum));
    tAlone.forEach((ts, s) => {
      alone[s] = Math.min(alone[s]!, p50(ts));
    });
  }
  console.log(
    `${cls.padEnd(20)} segments ${over.toFixed(3)}  sum of segments alone ${summed.toFixed(3)}  each alone ${alone.map((x) => x.toFixed(3)).join(' / ')}`,
  );
}
