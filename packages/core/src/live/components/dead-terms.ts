import type { CorpusState } from '../../corpus/components/corpus-state';
import { analyseDocuments, createBuilders } from '../../search/index/build-index';
import type { Segment } from './segments-state';

/** The terms (field keys included) of one document of a segment, as the index analysed it. */
export type DocTerms = (state: CorpusState, d: number) => Iterable<string>;

export const analysedTerms: DocTerms = (state, d) => {
  const b = createBuilders(1);
  analyseDocuments(b, [state.article(d)], 0, 1);
  const terms = new Set<number>(b.entries.entryTerm.array.subarray(0, b.entries.entryTerm.length));
  return [...terms].map((t) => b.terms.name(t));
};

/** Each segment's dead documents' terms, counted once (a segment and its dead set never change). */
const counted = new WeakMap<Segment, Map<string, number>>();
/** The last count made over each corpus, and of which dead documents: the next one starts from it. */
const lastOf = new WeakMap<CorpusState, { dead: Uint8Array; out: Map<string, number> }>();

/**
 * How many of a segment's dead documents hold each term (field keys included): each dead article is
 * analysed again as the index analysed it, so a term's live count is its count less these, without
 * reading its postings. A document newly dead since the last count over the same corpus is analysed
 * (and one no longer dead taken off): an update that kills one old version costs one analysis, not
 * one per dead document of the segment. `terms` is the analysis (given to count them in a test).
 */
export function deadTerms(seg: Segment, terms: DocTerms = analysedTerms): Map<string, number> {
  let out = counted.get(seg);
  if (out) return out;
  const dead = seg.dead!;
  const last = lastOf.get(seg.state);
  const before = last && last.dead.length === dead.length ? last : undefined;
  out = new Map(before?.out);
  for (let d = 0; d < dead.length; d++) {
    const was = before ? before.dead[d]! : 0;
    if (dead[d] === was) continue;
    const by = dead[d] ? 1 : -1;
    for (const name of terms(seg.state, d)) {
      const n = (out.get(name) ?? 0) + by;
      if (n === 0) out.delete(name);
      else out.set(name, n);
    }
  }
  counted.set(seg, out);
  lastOf.set(seg.state, { dead, out });
  return out;
}
