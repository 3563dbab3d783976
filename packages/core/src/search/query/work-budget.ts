/**
 * What one query may do, counted (the core has no clock): the expansions of its prefix and typo words,
 * shared between them, and its work in units: one per posting or position list entry read, per
 * candidate prefix ranked and per document counted into facets, TYPO_UNIT per step of a typo lookup
 * (typo-candidates.ts). Sized so the worst query within the limits costs a few tens of milliseconds on one
 * core.
 */
export const WORK_BUDGET = {
  /** Expansions one word may have (`econ*`: the 64 commonest words starting with econ). */
  maxWordExpansions: 64,
  /** Expansions one query may have: its prefix and typo words share them evenly. */
  maxQueryExpansions: 256,
  /** Work units one query may spend (BBC's broadest prefix search takes about 140,000). */
  maxQueryWork: 1_000_000,
} as const;

/**
 * A step of a typo lookup (a dictionary word visited, a distance row computed or a probe skipping a prefix:
 * about 50 ns, bench/search/typo-lookup.ts) costs about this many postings read.
 */
export const TYPO_UNIT = 8;

/** How many expansions each of a query's `words` prefix and typo words may have. */
export const expansionsPerWord = (words: number): number =>
  Math.min(WORK_BUDGET.maxWordExpansions, Math.floor(WORK_BUDGET.maxQueryExpansions / Math.max(1, words)));

/**
 * A query's budget. What would pass it is left out (an expansion, a typo scan, a facet count) and the
 * budget says so: the answer is then `partial`, its total a lower bound.
 */
export class WorkBudget {
  constructor(private work: number = WORK_BUDGET.maxQueryWork) {}

  /** Units left. */
  get left(): number {
    return this.work;
  }

  /** Something was left out. */
  exhausted = false;

  /** Takes `units` of work if they fit; false (and exhausted) if not. */
  spend(units: number): boolean {
    if (units > this.work) {
      this.exhausted = true;
      return false;
    }
    this.work -= units;
    return true;
  }

  /** Takes `units` for optional work (a ranking refinement) if they fit; leaving it out is not partial. */
  afford(units: number): boolean {
    if (units > this.work) return false;
    this.work -= units;
    return true;
  }

  /** Takes as many of `units` as are left (exhausted if not all): the units granted. */
  upTo(units: number): number {
    const n = Math.min(units, this.work);
    if (n < units) this.exhausted = true;
    this.work -= n;
    return n;
  }

  /** Takes one dictionary term with `postings` entries to read, if they fit. */
  term(postings: number): boolean {
    return this.spend(postings);
  }
}
