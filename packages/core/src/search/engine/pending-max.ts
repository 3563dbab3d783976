import { highestImpact, type Matches } from './matches';
import { PendingMatches } from './pending-matches';
import { bestScore } from './union-walk';
import { unionCount } from './union-count';

/**
 * A word's expansions (a prefix's completions) without typos, kept as their lists: a document scores its
 * best list's score. A search page needs the best few and the count; over segments, once the segments
 * before have given the page a least score (`below`), a list whose best score is under it cannot place a
 * document on the page (a document's score is its best list's), so only the lists reaching it are merged
 * and ranked, and the rest only counted (one bitset: unionCount). Anything else that reads it (a filter,
 * facets, a date order, an enclosing AND) lists it in full on first read, with the same documents and
 * scores.
 */
export class PendingMax extends PendingMatches {
  constructor(
    private readonly lists: readonly Matches[],
    /** The lists merged (each document's best score): the merge the scores are defined by. */
    private readonly merge: (lists: readonly Matches[]) => Matches,
  ) {
    super(() => merge(lists));
  }

  /**
   * The matches a page of the best can be drawn from, and how many documents match in all. `below`: the
   * least score the page holds so far (0 when none): the lists whose best is under it are only counted.
   * Every document scoring `below` or more is in `top` with its score (its best list is merged).
   */
  page(below: number): { top: Matches; total: number } {
    if (this.isListed || below <= 0) {
      const top = this.listed();
      return { top, total: top.docs.length };
    }
    const reaching = this.lists.filter((l) => bestOf(l) >= below);
    if (reaching.length === this.lists.length) {
      const top = this.listed();
      return { top, total: top.docs.length };
    }
    const top = reaching.length
      ? this.merge(reaching)
      : { docs: new Uint32Array(0), scores: null, typos: null };
    return { top, total: unionCount(this.lists) };
  }
}

/** A list's highest score (a posting list read in place knows its highest impact). */
const bestOf = (m: Matches): number =>
  bestScore({ scores: m.scores, imp: m.imp, mult: m.mult ?? 0, impMax: highestImpact(m) });
