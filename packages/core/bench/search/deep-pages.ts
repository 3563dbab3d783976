// Cost of a page by depth: lists every one of N undated articles (default 100,000) page by page, and
// reads the end with one reversed page. Run: npx tsx --conditions=@gazette/source bench/search/deep-pages.ts [N]
import { quantile } from '@gazette/bench-corpora';
import { createCorpus } from '../../src/corpus/create-corpus';
import { fixture } from '../../test-support/test-articles';

const N = Number(process.argv[2] ?? 100_000);
const corpus = createCorpus(
  Array.from({ length: N }, (_, i) => fixture({ title: `Note ${i}`, body: [`item ${i}`] })),
);
const times: number[] = [];
let cursor: string | undefined;
let seen = 0;
do {
  const t = performance.now();
  const page = corpus.list({ limit: 100, ...(cursor ? { cursor } : {}) });
  times.push(performance.now() - t);
  seen += page.items.length;
  cursor = page.nextCursor ?? undefined;
} while (cursor);
const median = (xs: number[]) => quantile(xs, 0.5).toFixed(3);
console.log(`${N} undated articles: ${seen} listed in ${times.length} pages`);
// The first pages warm the JIT: pages 2-11 against the last 10.
console.log(
  `median ms a page: pages 2-11 ${median(times.slice(1, 11))}, last 10 ${median(times.slice(-10))}`,
);
const t = performance.now();
const end = corpus.list({ limit: 100, reverse: true });
console.log(`the end (reverse, one page): ${(performance.now() - t).toFixed(3)} ms, ${end.items[0]!.title}`);
