import type { SearchIndex } from '../index/search-index';
import { docHasSequence, type Matches, phraseLists } from './evaluate-query';
import { textHasSequence } from './phrase-positions';
import { type TextMatches, textMatches } from './snippets';

/** Words a text's mask can flag: one bit each, the sign bit left alone. */
const MAX_FLAGGED = 31;

/**
 * Which of `order` (indexes into m) hold the words side by side, in order: the proximity boost's
 * documents. `withTexts`: the page is drawn from these documents, so the matches of their texts
 * (textMatches, what the page's snippets choose by) are found first, with each word's texts flagged,
 * and only texts holding every word are asked about its positions: one walk of the words' texts serves
 * both, where the check alone walked the rarest word's and sought the others' again.
 */
export function proximityHolders(
  ix: SearchIndex,
  m: Matches,
  order: readonly number[],
  terms: readonly string[],
  matched: ReadonlySet<string>,
  withTexts: boolean,
): { boosted: Set<number>; texts: TextMatches | undefined } {
  const phrase = phraseLists(ix, terms);
  const flagged = new Map<string, number>();
  for (const t of terms) if (t && !flagged.has(t)) flagged.set(t, 1 << flagged.size);
  if (!withTexts || phrase === null || flagged.size > MAX_FLAGGED) {
    const boosted = new Set(order.filter((i) => docHasSequence(ix, m.docs[i]!, phrase)));
    return { boosted, texts: undefined };
  }
  const docs = order.map((i) => m.docs[i]!);
  const texts = textMatches(ix, matched, docs, flagged);
  const need = (1 << flagged.size) - 1;
  // A word the walk did not reach (past the first matched terms) has no flags: asked as before.
  if (texts.walked !== need)
    return { boosted: new Set(order.filter((i) => docHasSequence(ix, m.docs[i]!, phrase))), texts };
  const masks = texts.masks!;
  const boosted = new Set<number>();
  order.forEach((i, k) => {
    const d = docs[k]!;
    const at = texts.base[k]! - ix.textOff[d]!;
    for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++)
      if ((masks[at + j]! & need) === need && textHasSequence(phrase, ix.textIds[j]!)) {
        boosted.add(i);
        return;
      }
  });
  return { boosted, texts };
}
