// A development sample of quotes from ../shared/corpora/bbc/val.csv (seeded), kept apart from the 200 of
// train.csv that eval:quotes reports: rules are worked out on this sample's
// error classes, never on those. val-sample-truth.json holds the 100 quotes drawn (seed 182027)
// from the quotes extracted at commit 3a114dc, each speaker checked by hand from the article text (an
// organisation for its unnamed spokesman); scoring matches them as eval:quotes does.
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/val-sample.ts          (print each quote in context)
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/val-sample.ts --score  (score val-sample-truth.json)
import { bbcAsText, HAS_SHARED, readBbc, SHARED_MISSING } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { seededDraw } from './seeded-draw';
import { ratios } from './score';
import { scoreValSample } from './val-sample-score';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const SEED = 18_2027;
const COUNT = 100;
const records = readBbc(['val']);
const byKey = new Map(records.map((r) => [r.key, r]));

/** The sample as drawn now: the first COUNT of a seeded shuffle of every val quote, in corpus order. */
function draw() {
  const pool = records.flatMap((record) =>
    extractBbcQuotes(record).quotes.map((q) => ({ key: record.key, q })),
  );
  return seededDraw(pool.length, COUNT, SEED).map((i) => pool[i]!);
}

if (process.argv.includes('--score')) {
  const { score, errors } = scoreValSample(byKey);
  for (const e of errors) console.log(e);
  const r = ratios(score);
  console.log(
    JSON.stringify(score),
    `precision ${(100 * r.precision).toFixed(1)}% recall ${(100 * r.recall).toFixed(1)}%`,
  );
} else {
  draw().forEach(({ key, q }, i) => {
    const blocks = bbcAsText(byKey.get(key)!).trim().split('\n');
    const from = Math.max(0, q.block - 2);
    console.log(`#${i} ${key} b${q.block}:${q.start} given=${q.speaker ?? '-'} «${q.text}»`);
    for (let b = from; b <= (q.endBlock ?? q.block); b++) console.log(`   [${b}] ${blocks[b]}`);
  });
}
