// Scores the hand-checked development samples of bbc/val.csv (val-sample-truth.json, val-sample-2-truth.json)
// as eval:quotes scores the 200 of train.csv; the rules of issue 18's second and third passes were worked out
// on these samples (the second one only after its first score was recorded as a held-out figure).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BbcRecord } from '@gazette/bench-corpora';
import { extractBbcQuotes } from './extract';
import { addToScore, emptyScore, matchQuote, type SpeakerScore } from './score';
import type { AnnotatedQuote } from './truth';

/** Each val sample's truth file and seed; a later sample is drawn disjoint from the earlier ones. */
export const VAL_SAMPLES = {
  1: { file: fileURLToPath(new URL('./val-sample-truth.json', import.meta.url)), seed: 18_2027 },
  2: { file: fileURLToPath(new URL('./val-sample-2-truth.json', import.meta.url)), seed: 18_2028 },
} as const;
export type ValSampleSet = keyof typeof VAL_SAMPLES;

export function readValSample(set: ValSampleSet): AnnotatedQuote[] {
  return (JSON.parse(readFileSync(VAL_SAMPLES[set].file, 'utf8')) as { quotes: AnnotatedQuote[] }).quotes;
}

/** The sample's score, and each quote given a wrong speaker or none although the text names one. */
export function scoreValSample(
  records: ReadonlyMap<string, BbcRecord>,
  set: ValSampleSet = 1,
): {
  score: SpeakerScore;
  errors: string[];
} {
  const truth = readValSample(set);
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
