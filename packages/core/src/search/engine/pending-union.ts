import { highestImpact, type Matches } from './matches';
import { PendingMatches } from './pending-matches';
import { TopHeap } from './top-heap';
import { unionCount } from './union-count';
import { maxScore, type Part } from './union-walk';

/**
 * An OR of two to four lists without typos, kept as its lists: a search page needs only the best few
 * and the count, which one walk over the lists gives without listing every match. Anything else that
 * reads it (a filter, facets, a date order, an enclosing AND) lists it in full on first read, with the
 * same documents and scores.
 */
export class PendingUnion extends PendingMatches {
  private readonly parts: Part[];

  constructor(
    lists: readonly Matches[],
    /** Lists the union in full (the merge the scores are defined by). */
    listAll: () => Matches,
  ) {
    super(listAll);
    this.parts = lists.map((l) => ({
      // Its ranges found first: its highest impact is then theirs (one pass over the list, not two).
      rangeMax: ranges(l),
      docs: l.docs,
      scores: l.scores,
      imp: l.imp,
      mult: l.mult ?? 0,
      impMax: highestImpact(l),
      // A ranked OR counts and probes by the bits of its dense lists (built now if not yet).
      bits: l.bits ?? l.source?.denseBits(),
    }));
  }

  /**
   * The k best matches (documents ascending, with their scores) and how many documents match in all.
   * The count is exact, from one bitset of the lists' documents (unionCount). The best are found by
   * block-max MaxScore (maxScore): once k are held, a list whose best score, with those of the lists
   * weaker than it, cannot beat the k-th is only probed for documents the stronger lists bring, and a
   * range of documents where the lists' best impacts cannot is skipped whole. Each document's score is
   * summed as the full merge sums it (its lists' single precision scores in double precision, in list
   * order), then stored in single precision. `visited`: documents read one by one; `scored`: those
   * whose weak lists were all probed.
   * `below`: a score the best must reach, known before (over segments, the k-th best of the segments
   * read so far): a document that cannot reach it is left out from the start, as if k were held.
   */
  best(k: number, below = 0): { top: Matches; total: number; scored: number; visited: number } {
    if (this.isListed) return { top: this.listed(), total: this.docs.length, scored: 0, visited: 0 };
    const total = unionCount(this.parts);
    const heap = new TopHeap(k);
    const { scored, visited } =
      k > 0 ? maxScore(this.parts, heap, floorUnder(below)) : { scored: 0, visited: 0 };
    return { top: heap.matches(), total, scored, visited };
  }
}

/** A posting list's rangeMaxima (found now, kept with the list); undefined for one without. */
function ranges(l: Matches): Uint8Array | undefined {
  return l.scores === null && l.imp !== undefined ? l.source?.rangeMax?.() : undefined;
}

/**
 * The floor below a score known to enter: a document summing to no more cannot be stored as that score
 * or higher (single precision keeps about 7 digits, so 1e-6 under it rounds below it). A tie with it
 * may still enter (ties go by document order across segments), so it is never turned away.
 */
function floorUnder(score: number): number {
  return score > 0 ? score * (1 - 1e-6) : Number.NEGATIVE_INFINITY;
}

/** Does nothing match? (A pending union, or pending expansions, hold two lists or more, none empty.) */
export function isEmpty(m: Matches): boolean {
  return !(m instanceof PendingMatches) && m.docs.length === 0;
}
