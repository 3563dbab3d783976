// Parses and caches a benchmark corpus ahead of a bench run: `npx tsx --conditions=@gazette/source
// bench/search/make-cache.mts news|generated COUNT`.
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';

const [kind = 'news', count = '100000'] = process.argv.slice(2);
const t0 = performance.now();
const a = (kind === 'news' ? parsedNews : parsedGenerated)(Number(count));
console.log(`${kind} articles`, a.length, ((performance.now() - t0) / 1000).toFixed(1), 's');
