import { fold } from '../../search/analysis/fold';
import { entityValues } from '../../search/index/entity-postings';
import { partDocs } from './entity-parts';
import { isLive, type SegmentsState } from './segments-state';

/** Does a live document of segment s give entity `id` (value v there) a name or alias folding to `want`? */
function namedSoByLive(state: SegmentsState, s: number, v: number, id: string, want: string): boolean {
  const docs = partDocs(state, { s, v });
  const dead = state.segments[s]!.dead;
  // Every holder live: the segment's names and aliases of the entity are the live articles' own.
  if (!dead || docs.every((d) => !dead[d])) return true;
  for (const d of docs) {
    if (!isLive(state, s, d)) continue;
    const a = state.segments[s]!.state.article(d);
    if (a.entities.some((e) => e.id === id && [e.name, ...e.aliases].some((n) => fold(n) === want)))
      return true;
  }
  return false;
}

/**
 * The entity ids a name stands for over segments, as in a corpus built at once (a speaker or entity
 * filter's entityValues): the name itself, and every entity a live article names or aliases so (folded).
 * A name only dead documents gave does not count.
 */
export function liveNamedIds(state: SegmentsState, asked: string): Set<string> {
  const want = fold(asked);
  const ids = new Set([asked]);
  state.segments.forEach((seg, s) => {
    for (const v of entityValues(seg.state.engine.postings(), asked)) {
      const id = seg.state.index.entities.values.at(v);
      if (!ids.has(id) && namedSoByLive(state, s, v, id, want)) ids.add(id);
    }
  });
  return ids;
}
