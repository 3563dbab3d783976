// The development sets' scores and errors, and nothing of the held-out half: the train dev half of
// speakers-truth.json and both val samples. What a rule is worked out on; eval:quotes reports the held-out.
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/dev-errors.ts
import { readFileSync } from 'node:fs';
import { HAS_SHARED, readBbc, SHARED_MISSING } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { addToScore, emptyScore, matchQuote, ratios, type SpeakerScore } from './score';
import { type AnnotatedQuote, TRUTH_FILE } from './truth';
import { scoreValSample } from './val-sample-score';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const show = (name: string, s: SpeakerScore) => {
  const r = ratios(s);
  console.log(
    `${name}: ${JSON.stringify(s)} precision ${(100 * r.precision).toFixed(1)}% recall ${(100 * r.recall).toFixed(1)}%`,
  );
};
const dev = (JSON.parse(readFileSync(TRUTH_FILE, 'utf8')) as { quotes: AnnotatedQuote[] }).quotes.filter(
  (a) => a.split === 'dev',
);
const train = new Map(readBbc(['train']).map((r) => [r.key, r]));
const score = emptyScore();
for (const a of dev) {
  const q = matchQuote(extractBbcQuotes(train.get(a.key)!).quotes, a);
  const outcome = addToScore(score, a, q);
  if (outcome === 'wrong' || outcome === 'missed')
    console.log(
      `${outcome} ${a.key} b${a.block}:${a.start} truth=${a.truth} given=${q?.speaker ?? '-'}  «${a.quote.slice(0, 60)}»`,
    );
}
show('train dev half', score);
const val = new Map(readBbc(['val']).map((r) => [r.key, r]));
for (const set of [1, 2] as const) {
  const { score: s, errors } = scoreValSample(val, set);
  for (const e of errors) console.log(e);
  show(`val sample ${set}`, s);
}
