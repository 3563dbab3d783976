// The article records built alone on this thread, as the parallel build's main thread builds them
// (ArticleRecords.build over the articles newest first): the least wall and CPU time of RUNS, and a
// digest of everything the records hold (offsets, bytes, entity heads and values, shared strings), so
// a change to the records' writer can be shown to write the same bytes. At news 100k the records are
// the parallel build's last stage (bench/search/build-stages.ts prints the timeline).
//   npx node --expose-gc --import tsx --conditions=@gazette/source bench/search/records-build.ts [news|generated] [COUNT] [RUNS]
import { createHash } from 'node:crypto';
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';
import { compareNewest } from '../../src/corpus/components/compare-articles';
import { ArticleRecords } from '../../src/corpus/records/article-records';

const [kind = 'news', count = '10000', runsArg = '3'] = process.argv.slice(2);
const articles = (kind === 'news' ? parsedNews : parsedGenerated)(Number(count));
const newest = [...new Map(articles.map((a) => [a.id, a])).values()].sort(compareNewest);
const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
/** The whole process's CPU: the collector's concurrent marking of the article heap runs on other threads. */
const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** sha256 of the records' arrays, in a fixed order, each after its length. */
function digest(r: ArticleRecords): string {
  const h = createHash('sha256');
  const arrays = [r.off, r.bytes, r.headOff, r.headBytes, r.valueHeadOff, r.values.off, r.values.val];
  for (const c of [r.strings, r.values.values]) arrays.push(c.bytes, c.off);
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    h.update(String(bytes.length));
    h.update(bytes);
  }
  return h.digest('hex').slice(0, 16);
}

let best = {
  wall: Number.POSITIVE_INFINITY,
  cpu: Number.POSITIVE_INFINITY,
  process: Number.POSITIVE_INFINITY,
};
let records: ArticleRecords | undefined;
for (let r = 0; r < Number(runsArg); r++) {
  records = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  const w0 = performance.now();
  const c0 = cpu();
  const p0 = processCpu();
  records = ArticleRecords.build(newest);
  best = {
    wall: Math.min(best.wall, performance.now() - w0),
    cpu: Math.min(best.cpu, cpu() - c0),
    process: Math.min(best.process, processCpu() - p0),
  };
}
console.log(
  `${kind} ${count}: article records of ${newest.length} articles, least of ${runsArg}: ${(best.wall / 1000).toFixed(2)} s wall, ${(best.cpu / 1000).toFixed(2)} s cpu (${(best.process / 1000).toFixed(2)} s the whole process's); ${records!.bytes.length} bytes, digest ${digest(records!)}`,
);
