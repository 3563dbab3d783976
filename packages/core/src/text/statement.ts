import { hasWords } from './count-words';

/** Fewest words for a quotation to stand alone as a pull-quote ("hostage" does not; a sentence does). */
export const MIN_STATEMENT_WORDS = 6;

/**
 * Whether a quotation reads as a statement: a whole quotation of at least `minWords` words, not a word or
 * phrase woven into the writer's sentence. Faces list and pull out only these.
 */
export function readsAsStatement(
  quote: { text: string; partial: boolean },
  minWords: number = MIN_STATEMENT_WORDS,
): boolean {
  return !quote.partial && hasWords(quote.text, minWords);
}
