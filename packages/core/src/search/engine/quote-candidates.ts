import { FIELD_KEY, findTerm, type SearchIndex } from '../index/search-index';
import { STOP_WORDS } from '../analysis/stop-words';

// A prefix this broad narrows little and costs much: such a word is left to the final check.
const MAX_EXPANSIONS = 5000;
const STOP_LIST = [...STOP_WORDS];

/**
 * Documents (ascending) whose quotations may hold a word starting with each of `words` (folded), from
 * the quote keyword postings: every quoted word is in the surface dictionary, and its stem is indexed
 * under the quote key. Undefined when no word can narrow (only stop words, numbers or broad prefixes):
 * the caller then reads every document. The result is a superset; the caller checks each quotation.
 */
export function quoteCandidates(ix: SearchIndex, words: readonly string[]): Uint32Array | undefined {
  let candidates: Uint32Array | undefined;
  const mark = new Uint8Array(ix.n);
  for (const w of words) {
    // Stop words are not indexed, and words without letters are not in the surface dictionary.
    if (!/\p{L}/u.test(w) || STOP_LIST.some((s) => s.startsWith(w))) continue;
    const [from, to] = ix.surface.prefixRange(w);
    if (to - from > MAX_EXPANSIONS) continue;
    mark.fill(0);
    const seen = new Set<number>();
    for (let i = from; i < to; i++) {
      const t = ix.surfaceTerm[i]!;
      if (seen.has(t)) continue;
      seen.add(t);
      const k = findTerm(ix, FIELD_KEY.quote + ix.terms.at(t));
      if (k >= 0) for (const d of ix.postings.get(k).docs) mark[d] = 1;
    }
    const next: number[] = [];
    if (candidates) for (const d of candidates) if (mark[d]) next.push(d);
    if (!candidates) for (let d = 0; d < ix.n; d++) if (mark[d]) next.push(d);
    candidates = Uint32Array.from(next);
  }
  return candidates;
}
