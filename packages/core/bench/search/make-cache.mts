import { generatedArticles } from './articles';
const t0 = performance.now();
const a = generatedArticles(100_000);
console.log('generated articles', a.length, ((performance.now() - t0) / 1000).toFixed(1), 's');
