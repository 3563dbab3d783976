import { compareCodePoints } from '../../binary/string-column';
import type { Vocabulary } from '../../search/engine/expand-word';
import { paidTypoWalk } from '../../search/engine/evaluate-query';
import type { WorkBudget } from '../../search/query/work-budget';
import { liveDf } from './live-df';
import { commonestPrefixTerms, prefixTerms } from './merged-prefix';
import { typoSources } from './merged-surface';
import type { SegmentsState } from './segments-state';

/** A vocabulary of the segments, and each segment's ids of the terms a prefix listed (-1: lacking). */
export type UnionVocabulary = Vocabulary<string> & { idsOf(term: string): Int32Array | undefined };

/**
 * The segments' dictionaries as one, named by term: a term is in it when a live document holds it, with
 * its live document count, so a word expands over it as over the dictionary of a corpus built at once.
 * A prefix is expanded once over the segments' ranges merged (merged-prefix.ts), and the ids its terms
 * have in each segment are kept for the segments' evaluation. Typo walks run over the segments'
 * dictionaries merged (typoSources), paid from the query's budget.
 */
export function unionVocabulary(state: SegmentsState, budget: WorkBudget): UnionVocabulary {
  // Live counts and segment ids of the terms a prefix kept, else looked up.
  const counts = new Map<string, number>();
  const ids = new Map<string, Int32Array>();
  const df = (term: string) => counts.get(term) ?? liveDf(state, term);
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
  const S = state.segments.length;
  return {
    find: (term) => (df(term) > 0 ? term : undefined),
    df,
    prefixed: (p) => {
      const terms = prefixTerms(state, p);
      /** Term i's name, its count and ids remembered. */
      const named = (i: number) => {
        const name = terms.name(i);
        counts.set(name, terms.df[i]!);
        ids.set(name, terms.ids.subarray(i * S, i * S + S));
        return name;
      };
      return {
        count: terms.count,
        terms: () => Array.from({ length: terms.count }, (_, i) => named(i)),
        commonest: (k, except) => commonestPrefixTerms(terms, k, except).map(named),
      };
    },
    before: (x, y) => compareCodePoints(x, y) < 0,
    typos,
    idsOf: (term) => ids.get(term),
  };
}

/**
 * Surface words within `max` typos in any segment, as their term and distance, by UTF-8 length then
 * dictionary order (the order one walk over a merged dictionary gives): the walks of typoSources (one
 * over the segments' dictionaries merged, or that of fewer segments and the few after it), each paid
 * from the query's budget; nothing when a walk runs out of it. A word seen only in dead documents may
 * still propose its term until a merge drops it. A word two sources hold is listed twice, side by
 * side (a word's expansion keeps each term once).
 */
function typoTerms(
  state: SegmentsState,
  budget: WorkBudget,
  folded: string,
  max: number,
): Array<{ t: string; d: number }> {
  const found: Array<{ t: string; d: number; size: number; word: string }> = [];
  const sources = typoSources(state);
  for (const source of sources) {
    const walk = paidTypoWalk(source.dictionary, budget, folded, max);
    if (!walk) return [];
    const surface = source.dictionary.surface;
    for (const { w, d } of walk.found) {
      const term = source.termOf(w);
      if (liveDf(state, term) > 0)
        found.push({ t: term, d, size: surface.size(w), word: sources.length > 1 ? surface.at(w) : '' });
    }
  }
  // One walk gives this order; several are merged into it.
  if (sources.length > 1) found.sort((x, y) => x.size - y.size || compareCodePoints(x.word, y.word));
  return found.map(({ t, d }) => ({ t, d }));
}
