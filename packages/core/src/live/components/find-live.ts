import { compareSegmentDocs, isLive, type SegmentDoc, type SegmentsState } from './segments-state';

/**
 * The live document of an id, else of a slug, as a corpus built at once looks one up (an id before a
 * slug; of live documents sharing a slug, the last in document order).
 */
export function findLive(state: SegmentsState, idOrSlug: string): SegmentDoc | undefined {
  let bySlug: SegmentDoc | undefined;
  const offer = (doc: SegmentDoc) => {
    if (!bySlug || compareSegmentDocs(state, bySlug, doc) < 0) bySlug = doc;
  };
  for (let s = 0; s < state.segments.length; s++) {
    const seg = state.segments[s]!;
    const ix = seg.state.index;
    const d = seg.state.lookup(idOrSlug);
    if (d === undefined) continue;
    if (isLive(state, s, d)) {
      if (ix.ids.at(d) === idOrSlug) return { s, d };
      offer({ s, d });
      continue;
    }
    // A segment looks up one document per key; when it is dead, a live one may share the slug (rare).
    for (let e = 0; e < ix.n; e++) if (isLive(state, s, e) && ix.slugs.at(e) === idOrSlug) offer({ s, d: e });
  }
  return bySlug;
}
