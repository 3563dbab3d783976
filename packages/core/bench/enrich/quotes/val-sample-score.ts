// Scores the hand-checked development sample of bbc/val.csv (val-sample-truth.json) as eval:quotes scores
// the 200 of train.csv; the rules of issue 18's second pass were worked out on this sample.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BbcRecord } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { addToScore, emptyScore, matchQuote, type SpeakerScore } from './score';
import type { AnnotatedQuote } from './truth';

export const VAL_SAMPLE_TRUTH = fileURLToPath(new URL('./val-sample-truth.json', import.meta.url));

/** The sample's score, and each quote given a wrong speaker or none although the text names one. */
export function scoreValSample(records: ReadonlyMap<string, BbcRecord>): {
  score: SpeakerScore;
  errors: string[];
} {
  const truth = (JSON.parse(readFileSync(VAL_SAMPLE_TRUTH, 'utf8')) as { quotes: AnnotatedQuote[] }).quotes;
  const score = emptyScore();
  const errors: string[] = [];
  for (const a of truth) {
    const record = records.get(a.key);
    if (!record) throw new Error(`${a.key}: not in bbc/val.csv; was the corpus changed?`);
    const q = matchQuote(extractBbcQuotes(record).quotes, a);
    const outcome = addToScore(score, a, q);
    if (outcome === 'wrong' || outcome === 'missed')
      errors.push(
        `${outcome} ${a.key} b${a.block}:${a.start} truth=${a.truth} given=${q?.speaker ?? '-'}  «${a.quote.slice(0, 60)}»`,
      );
  }
  return { score, errors };
}
