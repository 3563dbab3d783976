import { compareCodePoints } from '../../binary/string-column';
import type { Vocabulary } from '../../search/engine/expand-word';
import { paidTypoWalk } from '../../search/engine/evaluate-query';
import type { WorkBudget } from '../../search/query/work-budget';
import { liveDf } from './live-df';
import type { SegmentsState } from './segments-state';

/**
 * The segments' dictionaries as one, named by term: a term is in it when a live document holds it, with
 * its live document count, so a word expands over it as over the dictionary of a corpus built at once.
 * Typo walks run on each segment and are paid from the query's budget (so a walk may run out of it where
 * one walk over a merged dictionary would not).
 */
export function unionVocabulary(state: SegmentsState, budget: WorkBudget): Vocabulary<string> {
  const df = (term: string) => liveDf(state, term);
  // A word's walks once per query (the typo fallback asks again), as one index remembers them.
  const walked = new Map<string, Array<{ t: string; d: number }>>();
  const typos = (folded: string, max: number) => {
    let found = walked.get(folded);
    if (!found) {
      found = typoTerms(state, budget, folded, max);
      walked.set(folded, found);
    }
    return found;
  };
  return {
    find: (term) => (df(term) > 0 ? term : undefined),
    df,
    prefixed: (p) => {
      const terms = prefixedTerms(state, p).filter((t) => df(t) > 0);
      return { count: terms.length, terms: () => terms };
    },
    before: (x, y) => compareCodePoints(x, y) < 0,
    typos,
  };
}

/** Terms starting with p in any segment, in dictionary (code point) order, once each. */
function prefixedTerms(state: SegmentsState, p: string): string[] {
  const all = new Set<string>();
  for (const seg of state.segments) {
    const ix = seg.state.index;
    const [from, to] = ix.terms.prefixRange(p);
    for (let t = from; t < to; t++) all.add(ix.terms.at(t));
  }
  return [...all].sort(compareCodePoints);
}

/**
 * Surface words within `max` typos in any segment, as their term and distance, by UTF-8 length then
 * dictionary order (the order one walk over a merged dictionary gives); nothing when a walk runs out of
 * budget. A word seen only in dead documents may still propose its term until a merge drops it.
 */
function typoTerms(
  state: SegmentsState,
  budget: WorkBudget,
  folded: string,
  max: number,
): Array<{ t: string; d: number }> {
  const found: Array<{ t: string; d: number; size: number; word: string }> = [];
  for (const seg of state.segments) {
    const ix = seg.state.index;
    const walk = paidTypoWalk(ix, budget, folded, max);
    if (!walk) return [];
    for (const { t, d, w } of walk.found) {
      const term = ix.terms.at(t);
      if (liveDf(state, term) > 0)
        found.push({ t: term, d, size: ix.surface.size(w), word: ix.surface.at(w) });
    }
  }
  found.sort((x, y) => x.size - y.size || compareCodePoints(x.word, y.word));
  return found.map(({ t, d }) => ({ t, d }));
}
