// Ad-hoc: where Gazette's time goes on the generated corpus.
import { createCorpus } from '@gazette/core';
import { generatedArticles } from './articles';
let t = performance.now();
const arts = generatedArticles(Number(process.env.N ?? 100_000));
console.log('load cache', arts.length, ((performance.now() - t) / 1000).toFixed(1), 's');
t = performance.now();
const c = createCorpus(arts);
console.log(
  'build',
  ((performance.now() - t) / 1000).toFixed(1),
  's',
  'heap',
  (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0),
);
for (const q of [
  'economy',
  'oil prices',
  'prime minister OR chancellor',
  '"chief executive"',
  'gordon brown budget',
]) {
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const r = c.search({ q, limit: 10 });
    if (i === 2) console.log(q, r.total, (performance.now() - t).toFixed(3), 'ms');
  }
}
t = performance.now();
const s = c.toSnapshot();
console.log('toSnapshot', ((performance.now() - t) / 1000).toFixed(1), 's', 'articles', s.articles.length);
