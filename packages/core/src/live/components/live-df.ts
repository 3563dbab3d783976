import { findTerm } from '../../search/index/search-index';
import type { SegmentsState } from './segments-state';

/** Live document counts already worked out, per state (segments are immutable, so they never go stale). */
const counted = new WeakMap<SegmentsState, Map<string, number>>();
/** Terms remembered per state before the memory starts over (a query asks a few, a prefix a few hundred). */
const REMEMBERED = 100_000;

/**
 * Live documents holding a dictionary term (field key included) across the segments: what a corpus built
 * at once from the live articles would count. A segment without dead documents answers from its
 * dictionary; one with some counts the term's postings that are live (a list the query reads anyway).
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
    const dead = seg.dead;
    if (dead === null) n += ix.postings.df(t);
    else for (const d of ix.postings.get(t).docs) n += 1 - dead[d]!;
  }
  if (known.size >= REMEMBERED) known.clear();
  known.set(term, n);
  return n;
}
