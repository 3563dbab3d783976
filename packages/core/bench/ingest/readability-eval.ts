// Prints the HTML parser's quality table on ../shared/corpora/readability and writes it to the section
// `html-parser-quality` of docs/benchmarks.md.
// Run: npm run eval:readability -w @gazette/core   (add -- --verbose for the pages with token-F1 < 0.8)
import { join } from 'node:path';
import { benchLog, writeBenchSection } from '@gazette/bench-corpora';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { evaluateReadability } from './readability-metrics';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
} else {
  const root = join(SHARED_CORPORA, 'readability');
  const r = evaluateReadability(root);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
  const log = benchLog();
  log.line(`Readability's own test pages: ${r.pages} pages (../shared/corpora/readability).`);
  log.table(
    ['measure', 'Gazette'],
    [
      ['title agrees with expected', pct(r.title.agree, r.title.of)],
      ['byline agrees with expected (same people)', pct(r.byline.agree, r.byline.of)],
      ['language agrees with expected', pct(r.language.agree, r.language.of)],
      ['text token-F1 vs expected.html (mean)', r.meanTokenF1.toFixed(3)],
      ['publication date found', pct(r.dated.found, r.dated.of)],
      ["date in Readability's expected metadata", pct(r.dated.readability, r.dated.of)],
      ["same day as Readability's, where both have one", pct(r.dateAgrees.agree, r.dateAgrees.of)],
      ['pages that failed to parse', String(r.failed)],
      ['parse time', `${r.msPerPage.toFixed(1)} ms/page`],
    ],
  );
  writeBenchSection('html-parser-quality', 'HTML parser quality', log.markdown(), {
    now: new Date(),
    command: 'npm run eval:readability -w @gazette/core',
  });
  if (process.argv.includes('--verbose')) console.log(`pages with token-F1 < 0.8: ${r.lowF1.join(', ')}`);
}
