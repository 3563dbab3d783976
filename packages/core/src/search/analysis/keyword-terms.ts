import { forEachWord, termOf } from './analyze';
import { fold } from './fold';

/**
 * The dictionary keys a keyword value (a speaker, a tag, a name) is indexed under for a field key: one per
 * word, stemmed, and a stop word kept as itself ("The Who" stays findable). The index and the lookups
 * both call this, so they agree.
 */
export function keywordTerms(key: string, text: string): string[] {
  const out: string[] = [];
  forEachWord(fold(text), (w) => {
    out.push(key + (termOf(w) || w));
  });
  return out;
}
