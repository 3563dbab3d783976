// Precision and recall of quote attribution against the hand annotations.
import type { Quote } from '../../../src/model/quote-schema';
import { type AnnotatedQuote, sameSpeaker } from './truth';

export interface SpeakerScore {
  quotes: number;
  /** Quotes whose speaker the text names (truth not null). */
  named: number;
  /** Quotes Gazette gave a speaker. */
  given: number;
  /** Given a speaker, and the right one. */
  right: number;
  /** Drawn quotes Gazette no longer extracts (counted as given no speaker). */
  lost: number;
}

export const emptyScore = (): SpeakerScore => ({ quotes: 0, named: 0, given: 0, right: 0, lost: 0 });

/**
 * The quote of `quotes` that is the annotated one: same opening, else same words, else the quotation that
 * now holds its words (a quotation read across a paragraph break is one quote, opening earlier).
 */
export function matchQuote(quotes: readonly Quote[], a: AnnotatedQuote): Quote | undefined {
  const head = a.quote.slice(0, 40);
  return (
    quotes.find((q) => q.block === a.block && q.start === a.start) ??
    quotes.find((q) => q.text === a.quote) ??
    quotes.find((q) => q.block <= a.block && (q.endBlock ?? q.block) >= a.block && q.text.includes(head))
  );
}

export function addToScore(
  score: SpeakerScore,
  a: AnnotatedQuote,
  q: Quote | undefined,
): 'right' | 'wrong' | 'missed' | 'none' {
  score.quotes++;
  if (a.truth) score.named++;
  if (!q) score.lost++;
  const speaker = q?.speaker;
  if (speaker) {
    score.given++;
    if (a.truth && sameSpeaker(speaker, a)) {
      score.right++;
      return 'right';
    }
    return 'wrong';
  }
  return a.truth ? 'missed' : 'none';
}

export function ratios(s: SpeakerScore) {
  const precision = s.given ? s.right / s.given : 0;
  const recall = s.named ? s.right / s.named : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
