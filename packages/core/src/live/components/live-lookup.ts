import type { CorpusState } from '../../corpus/components/corpus-state';
import { docOfId, isLive, type SegmentDoc, type SegmentsState } from './segments-state';

// Slugs alone, per segment: only built for a segment where a slug asked for is also an id (a dead one's).
const slugMaps = new WeakMap<CorpusState, Map<string, number>>();

/** A segment's document with this slug: its lookup, unless the slug is also an id there (then slugs alone). */
function docOfSlug(seg: CorpusState, slug: string): number | undefined {
  const d = seg.lookup(slug);
  if (d === undefined || seg.index.slugs.at(d) === slug) return d;
  let bySlug = slugMaps.get(seg);
  if (!bySlug) {
    bySlug = new Map();
    for (let e = 0; e < seg.index.n; e++) bySlug.set(seg.index.slugs.at(e), e);
    slugMaps.set(seg, bySlug);
  }
  return bySlug.get(slug);
}

/**
 * The live document of an article id or slug. An id is live in one segment at most; as in a corpus built
 * at once, an id wins over another article's slug; a slug two live articles share (which a build at once
 * refuses) finds the newer segment's.
 */
export function liveDoc(state: SegmentsState, idOrSlug: string): SegmentDoc | undefined {
  const n = state.segments.length;
  for (let s = n - 1; s >= 0; s--) {
    const d = docOfId(state.segments[s]!.state, idOrSlug);
    if (d !== undefined && isLive(state, s, d)) return { s, d };
  }
  for (let s = n - 1; s >= 0; s--) {
    const d = docOfSlug(state.segments[s]!.state, idOrSlug);
    if (d !== undefined && isLive(state, s, d)) return { s, d };
  }
  return undefined;
}
