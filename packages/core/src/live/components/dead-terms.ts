import { analyseDocuments, createBuilders } from '../../search/index/build-index';
import type { Segment } from './segments-state';

/** Each segment's dead documents' terms, counted once (a segment and its dead set never change). */
const counted = new WeakMap<Segment, Map<string, number>>();

/**
 * How many of a segment's dead documents hold each term (field keys included): each dead article is
 * analysed again as the index analysed it, so a term's live count is its count less these, without
 * reading its postings. Costs a document's analysis per dead document, once.
 */
export function deadTerms(seg: Segment): Map<string, number> {
  let out = counted.get(seg);
  if (out) return out;
  out = new Map();
  const dead = seg.dead!;
  for (let d = 0; d < dead.length; d++) {
    if (!dead[d]) continue;
    const b = createBuilders(1);
    analyseDocuments(b, [seg.state.article(d)], 0, 1);
    const terms = new Set<number>(b.entries.entryTerm.array.subarray(0, b.entries.entryTerm.length));
    for (const t of terms) {
      const name = b.terms.names[t]!;
      out.set(name, (out.get(name) ?? 0) + 1);
    }
  }
  counted.set(seg, out);
  return out;
}
