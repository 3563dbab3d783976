// Prints the HTML parser's quality table on ../shared/corpora/readability.
// Run: npm run eval:readability -w @gazette/core   (add -- --verbose for the pages with token-F1 < 0.8)
import { join } from 'node:path';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { evaluateReadability } from './readability-metrics';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
} else {
  const root = join(SHARED_CORPORA, 'readability');
  const r = evaluateReadability(root);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
  console.log(`Readability corpus: ${r.pages} pages from ${root}`);
  console.log('| measure | Gazette |');
  console.log('| --- | --- |');
  console.log(`| title agrees with expected | ${pct(r.title.agree, r.title.of)} |`);
  console.log(`| byline agrees with expected (same people) | ${pct(r.byline.agree, r.byline.of)} |`);
  console.log(`| language agrees with expected | ${pct(r.language.agree, r.language.of)} |`);
  console.log(`| text token-F1 vs expected.html (mean) | ${r.meanTokenF1.toFixed(3)} |`);
  console.log(`| publication date found | ${pct(r.dated.found, r.dated.of)} |`);
  console.log(`| date in Readability's expected metadata | ${pct(r.dated.readability, r.dated.of)} |`);
  console.log(
    `| same day as Readability's, where both have one | ${pct(r.dateAgrees.agree, r.dateAgrees.of)} |`,
  );
  console.log(`| pages that failed to parse | ${r.failed} |`);
  console.log(`| parse time | ${r.msPerPage.toFixed(1)} ms/page |`);
  if (process.argv.includes('--verbose')) console.log(`pages with token-F1 < 0.8: ${r.lowF1.join(', ')}`);
}
