// Times the article records' build (ArticleRecords.build) on this thread, beside a heap as large as the
// parallel build's thread holding the articles: COPIES-1 deep copies of the articles are kept alive
// (ballast), so each full garbage collection traces about as much as at COPIES times the corpus.
// The records are built over the articles alone (their strings and heads as at this size).
//   npx node --trace-gc --import tsx --conditions=@gazette/source bench/search/records-gc.ts news 10000 10
// prints the thread CPU of the build (min of RUNS, default 3) and sha256 of its bytes.
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';
import { createHash } from 'node:crypto';
import { ArticleRecords } from '../../src/corpus/records/article-records';

const [kind = 'news', count = '10000', copies = '1'] = process.argv.slice(2);
const RUNS = Number(process.env.RECORDS_GC_RUNS ?? 3);
const articles = (kind === 'news' ? parsedNews : parsedGenerated)(Number(count));
const ballast = Array.from({ length: Number(copies) - 1 }, () => structuredClone(articles));
const threadCpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const times: number[] = [];
let digest = '';
for (let r = 0; r < RUNS; r++) {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`--- run ${r}`);
  const at = threadCpu();
  const records = ArticleRecords.build(articles);
  times.push(threadCpu() - at);
  const h = createHash('sha256');
  for (const x of [records.off, records.bytes, records.headOff, records.headBytes, records.valueHeadOff])
    h.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  h.update(JSON.stringify([...Array(records.strings.length)].map((_, i) => records.strings.at(i))));
  digest = h.digest('hex');
}
console.log(
  `records of ${articles.length} articles beside ${ballast.length} copies: ${times.map((t) => t.toFixed(0)).join(' / ')} ms thread cpu (min ${Math.min(...times).toFixed(0)}), bytes ${digest.slice(0, 16)}`,
);
