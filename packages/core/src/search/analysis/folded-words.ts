import { forEachWord } from './analyze';
import { fold } from './fold';

/** The folded words of a text, as the index reads them. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  forEachWord(fold(text), (w) => {
    out.push(w);
  });
  return out;
}

/** Does the text have, for each of `words`, a word starting with it? ("econ" finds "economy".) */
export function hasWordsStartingWith(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const own = foldedWords(text);
  return words.every((w) => own.some((x) => x.startsWith(w)));
}
