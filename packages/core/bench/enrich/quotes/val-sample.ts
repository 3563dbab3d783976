// Development samples of quotes from ../shared/corpora/bbc/val.csv (seeded), kept apart from the 200 of
// train.csv that eval:quotes reports: rules are worked out on these samples' error classes, never on those.
// Sample 1 (val-sample-truth.json): 100 quotes drawn (seed 182027) from the quotes extracted at commit
// 3a114dc. Sample 2 (val-sample-2-truth.json): 100 more (seed 182028) from the quotes extracted at 1fdaebd,
// none of them in sample 1; scored once before any rule was worked out on it (a second held-out figure).
// Each speaker is checked by hand from the article text (an organisation for its unnamed spokesman);
// scoring matches them as eval:quotes does.
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/val-sample.ts [--set 2]          (each quote in context)
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/val-sample.ts [--set 2] --draw   (write the truth file's skeleton, keeping truth already written)
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/val-sample.ts [--set 2] --score  (score the truth file)
import { existsSync, writeFileSync } from 'node:fs';
import { bbcAsText, HAS_SHARED, readBbc, SHARED_MISSING } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { ratios } from './score';
import { seededDraw } from './seeded-draw';
import { type AnnotatedQuote, drawnQuote } from './truth';
import { readValSample, scoreValSample, VAL_SAMPLES, type ValSampleSet } from './val-sample-score';
import { matchQuote } from './score';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const setArg = process.argv.indexOf('--set');
const set = (setArg > 0 ? Number(process.argv[setArg + 1]) : 1) as ValSampleSet;
if (!VAL_SAMPLES[set]) throw new Error(`--set ${process.argv[setArg + 1]}: no such val sample (1 or 2)`);
const COUNT = 100;
const records = readBbc(['val']);
const byKey = new Map(records.map((r) => [r.key, r]));

/**
 * The sample as drawn now: the first COUNT of a seeded shuffle of every val quote not in an earlier sample,
 * in corpus order.
 */
function draw() {
  const earlier = ([1, 2] as const).filter((s) => s < set).flatMap((s) => readValSample(s));
  const pool = records.flatMap((record) => {
    const quotes = extractBbcQuotes(record).quotes;
    const taken = new Set(earlier.filter((a) => a.key === record.key).map((a) => matchQuote(quotes, a)));
    return quotes.filter((q) => !taken.has(q)).map((q) => ({ key: record.key, q }));
  });
  return seededDraw(pool.length, COUNT, VAL_SAMPLES[set].seed).map((i) => pool[i]!);
}

if (process.argv.includes('--score')) {
  const { score, errors } = scoreValSample(byKey, set);
  for (const e of errors) console.log(e);
  const r = ratios(score);
  console.log(
    JSON.stringify(score),
    `precision ${(100 * r.precision).toFixed(1)}% recall ${(100 * r.recall).toFixed(1)}%`,
  );
} else if (process.argv.includes('--draw')) {
  const file = VAL_SAMPLES[set].file;
  const known = new Map((existsSync(file) ? readValSample(set) : []).map((p) => [`${p.key}|${p.quote}`, p]));
  const quotes: AnnotatedQuote[] = draw().map(({ key, q }) =>
    drawnQuote(key, q, 'dev', known.get(`${key}|${q.text}`)),
  );
  const seed = VAL_SAMPLES[set].seed;
  writeFileSync(file, `${JSON.stringify({ seed, corpus: 'bbc/val.csv', quotes }, null, 1)}\n`);
  console.log(`drew ${quotes.length} quotes into ${file}`);
} else {
  // No speaker shown: the annotation is read from the text, not checked against Gazette's answer.
  draw().forEach(({ key, q }, i) => {
    const blocks = bbcAsText(byKey.get(key)!).trim().split('\n');
    const from = Math.max(0, q.block - 3);
    console.log(`#${i} ${key} b${q.block}:${q.start} «${q.text}»`);
    for (let b = from; b <= Math.min(blocks.length - 1, (q.endBlock ?? q.block) + 1); b++)
      console.log(`   [${b}] ${blocks[b]}`);
  });
}
