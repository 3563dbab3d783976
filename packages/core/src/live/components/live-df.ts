import { findTerm } from '../../search/index/search-index';
import { deadTerms } from './dead-terms';
import type { SegmentsState } from './segments-state';

/** Live document counts already worked out, per state (segments are immutable, so they never go stale). */
const counted = new WeakMap<SegmentsState, Map<string, number>>();
/** Terms remembered per state before the memory starts over (a query asks a few, a prefix a few hundred). */
const REMEMBERED = 100_000;

/**
 * Live documents holding a dictionary term (field key included) across the segments: what a corpus built
 * at once from the live articles would count: each segment's count less its dead documents holding it.
 */
export function liveDf(state: SegmentsState, term: string): number {
  let known = counted.get(state);
  if (!known) {
    known = new Map();
    counted.set(state, known);
  }
  const hit = known.get(term);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const seg of state.segments) {
    const ix = seg.state.index;
    const t = findTerm(ix, term);
    if (t < 0) continue;
    n += ix.postings.df(t) - (seg.dead === null ? 0 : (deadTerms(seg).get(term) ?? 0));
  }
  if (known.size >= REMEMBERED) known.clear();
  known.set(term, n);
  return n;
}
