import { typoBudget } from '../query/typo-budget';
import { PREFIX_WEIGHT, TYPO_WEIGHT } from '../index/ranking-weights';
import { topK } from './top-k';
import type { WorkBudget } from '../query/work-budget';

/** Typo tolerance: off, for rare or unknown words, or for every word long enough. */
export type TypoMode = 'off' | 'auto' | 'force';

/** A word may be a typo when the corpus holds it in at most this many documents. */
const RARE = 0;

/**
 * A dictionary as a word's expansion reads it, with terms named by T: one index's term ids, or the
 * terms (strings) of a live corpus's segments together, so that every segment expands a word alike.
 */
export interface Vocabulary<T> {
  /** The term, if the dictionary holds it. */
  find(term: string): T | undefined;
  /** Documents holding the term. */
  df(t: T): number;
  /**
   * How many terms start with p, and (asked only when they are paid for) those terms; `commonest`, when
   * given, names the k commonest but `except` as topK over them would, without listing them all.
   */
  prefixed(p: string): {
    count: number;
    terms: () => T[];
    commonest?: (k: number, except: T | undefined) => T[];
  };
  /** Is x before y in dictionary order? */
  before(x: T, y: T): boolean;
  /**
   * Surface words within `max` typos of a folded word, as their term and distance, by UTF-8 length then
   * dictionary order; paid for from the budget (none when it cannot pay).
   */
  typos(folded: string, max: number): Array<{ t: T; d: number }>;
}

export interface Expansion<T> {
  t: T;
  weight: number;
  typos: number;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * A word's terms: itself, and for a prefix its commonest completions, and for a rare or unknown word (or
 * any word when typos are forced) its likeliest corrections; each taken only if the budget pays its
 * postings.
 */
export function expandWord<T>(
  v: Vocabulary<T>,
  budget: WorkBudget,
  word: { key: string; folded: string; term: string; prefix: boolean },
  typos: TypoMode,
  maxExpansions: number,
): Array<Expansion<T>> {
  const { key, folded, term, prefix } = word;
  const out: Array<Expansion<T>> = [];
  const take = (t: T) => budget.term(v.df(t));
  const exact = v.find(key + term);
  if (exact !== undefined && take(exact)) out.push({ t: exact, weight: 1, typos: 0 });
  if (prefix) {
    const range = v.prefixed(key + (commonPrefix(folded, term) || folded));
    // Ranking the candidates reads each one's document count.
    if (budget.spend(range.count)) {
      // Commonest first; ties in dictionary order.
      const commoner = (x: T, y: T) => v.df(x) > v.df(y) || (v.df(x) === v.df(y) && v.before(x, y));
      const best = range.commonest
        ? range.commonest(maxExpansions, exact)
        : topK(
            range.terms().filter((t) => t !== exact),
            maxExpansions,
            commoner,
          );
      for (const t of best) if (take(t)) out.push({ t, weight: PREFIX_WEIGHT, typos: 0 });
    }
  }
  // Typos are tried for words the corpus lacks or barely has (likely misspelt themselves), or for
  // every word when the exact words find nothing; a correction must be commoner than the word as
  // typed. Typo matches rank below exact ones. Judged on surface words, not stems.
  const exactDf = exact === undefined ? 0 : v.df(exact);
  if (typos !== 'off' && !prefix && !key && (exactDf <= RARE || typos === 'force')) {
    const max = typoBudget(folded);
    if (max > 0) {
      const best = new Map<T, number>();
      for (const { t, d } of v.typos(folded, max)) {
        if (t === exact || v.df(t) <= exactDf) continue;
        if (!best.has(t) || d < best.get(t)!) best.set(t, d);
      }
      const cands = [...best].sort((x, y) => x[1] - y[1] || v.df(y[0]) - v.df(x[0]));
      for (const [t, d] of cands.slice(0, maxExpansions))
        if (take(t)) out.push({ t, weight: TYPO_WEIGHT, typos: d });
    }
  }
  return out;
}
