import { compareCodePoints } from '../../binary/string-column';
import type { Vocabulary } from '../../search/engine/expand-word';
import { paidTypoWalk } from '../../search/engine/evaluate-query';
import type { WorkBudget } from '../../search/query/work-budget';
import { deadTerms } from './dead-terms';
import { liveDf } from './live-df';
import { typoSources } from './merged-surface';
import type { SegmentsState } from './segments-state';

/**
 * The segments' dictionaries as one, named by term: a term is in it when a live document holds it, with
 * its live document count, so a word expands over it as over the dictionary of a corpus built at once.
 * Typo walks run over the segments' dictionaries merged (typoSources), paid from the query's budget.
 */
export function unionVocabulary(state: SegmentsState, budget: WorkBudget): Vocabulary<string> {
  // Live counts of the terms a prefix listed (worked out from its ranges), else looked up.
  const counts = new Map<string, number>();
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
  return {
    find: (term) => (df(term) > 0 ? term : undefined),
    df,
    prefixed: (p) => {
      const terms = prefixedTerms(state, p, counts);
      return { count: terms.length, terms: () => terms };
    },
    before: (x, y) => compareCodePoints(x, y) < 0,
    typos,
  };
}

/**
 * Terms starting with p in any segment with a live document, in dictionary (code point) order, once each,
 * and their live counts (`into`): each segment's range read in order, the ranges merged (each is sorted),
 * so a short prefix's many terms are neither looked up one by one nor sorted again.
 */
function prefixedTerms(state: SegmentsState, p: string, into: Map<string, number>): string[] {
  let merged: string[] = [];
  const live = new Map<string, number>();
  for (const seg of state.segments) {
    const ix = seg.state.index;
    const [from, to] = ix.terms.prefixRange(p);
    const dead = seg.dead === null ? undefined : deadTerms(seg);
    const names: string[] = [];
    for (let t = from; t < to; t++) {
      const name = ix.terms.at(t);
      live.set(name, (live.get(name) ?? 0) + ix.postings.df(t) - (dead?.get(name) ?? 0));
      names.push(name);
    }
    merged = mergeSorted(merged, names);
  }
  for (const [name, n] of live) into.set(name, n);
  return merged.filter((name) => live.get(name)! > 0);
}

/** Two sorted lists of distinct terms as one, sorted, each term once. */
function mergeSorted(a: string[], b: string[]): string[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = compareCodePoints(a[i]!, b[j]!);
    if (c <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
    if (c === 0) j++;
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
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
