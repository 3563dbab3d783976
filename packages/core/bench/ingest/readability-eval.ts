// Prints the HTML parser's quality table on ../shared/corpora/readability and writes it to the section
// `html-parser-quality` of docs/benchmarks.md.
// Run: npm run eval:readability -w @gazette/core   (add -- --verbose for the pages with token-F1 < 0.8)
import { join } from 'node:path';
import { benchLog, writeBenchSection } from '@gazette/bench-corpora';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { evaluateDates } from './date-metrics';
import { evaluateReadability } from './readability-metrics';

// publishedAt on the same pages before issue 18's date work (commit 974528c), measured with date-metrics.ts:
// kept beside the new figures so the section shows what changed.
const DATES_BEFORE = { found: 26, sameDay: 23, truth: 26, datedWithoutTruth: 15 };

/** The section `html-publication-dates`: publishedAt by day against Readability's expected dates. */
function writeDateSection(root: string): void {
  const d = evaluateDates(root);
  const ratio = (a: number, b: number) => (a / Math.max(1, b)).toFixed(3);
  const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0).toFixed(3);
  const b = DATES_BEFORE;
  const bp = b.sameDay / b.found;
  const br = b.sameDay / b.truth;
  const log = benchLog();
  log.line(
    `publishedAt by calendar day (as the page writes it) on the ${d.truth} Readability pages whose expected metadata gives a publication date.`,
  );
  log.table(
    ['measure', 'before (974528c)', 'Gazette'],
    [
      ['precision (same day / dated)', ratio(b.sameDay, b.found), d.precision.toFixed(3)],
      ['recall (same day / with a date)', ratio(b.sameDay, b.truth), d.recall.toFixed(3)],
      ['F1', f1(bp, br), d.f1.toFixed(3)],
      [
        'pages dated without an expected date (unscored)',
        String(b.datedWithoutTruth),
        String(d.datedWithoutTruth),
      ],
    ],
  );
  if (d.misses.length > 0) log.line(`Misses: ${d.misses.join('; ')}.`);
  writeBenchSection('html-publication-dates', 'HTML publication dates', log.markdown(), {
    now: new Date(),
    command: 'npm run eval:readability -w @gazette/core',
  });
}

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
  writeDateSection(root);
}
