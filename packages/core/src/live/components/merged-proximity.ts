import { proximityHolders } from '../../search/engine/proximity-holders';
import type { TextMatches } from '../../search/engine/snippets';
import type { SegmentDoc, SegmentsState } from './segments-state';

/** The boost's outcome: which candidates hold the words in order, and by segment its texts' matches. */
export interface MergedProximity {
  /** Indices into the candidates. */
  boosted: Set<number>;
  /** By segment: the matches of the texts of its candidates (for the page's snippets), when found. */
  texts: (TextMatches | undefined)[];
}

/**
 * proximityHolders over segments: each segment's candidates (of the best, in any order) asked in that
 * segment, as SearchEngine.page asks its own. `withTexts`: the page is drawn from the candidates, so each
 * segment's text matches are found once, for the check and the snippets (hitsOf), instead of a walk of
 * the words' texts for the check and another of the matched terms' for the snippets.
 */
export function mergedProximity(
  state: SegmentsState,
  candidates: readonly SegmentDoc[],
  terms: readonly string[],
  matched: ReadonlySet<string>,
  withTexts: boolean,
): MergedProximity {
  const bySegment: number[][] = state.segments.map(() => []);
  candidates.forEach((r, i) => {
    bySegment[r.s]!.push(i);
  });
  const boosted = new Set<number>();
  const texts: (TextMatches | undefined)[] = [];
  bySegment.forEach((mine, s) => {
    if (mine.length === 0) return;
    const docs = Uint32Array.from(mine, (i) => candidates[i]!.d);
    const m = { docs, scores: null, typos: null };
    const held = proximityHolders(
      state.segments[s]!.state.index,
      m,
      mine.map((_, k) => k),
      terms,
      matched,
      withTexts,
    );
    for (const k of held.boosted) boosted.add(mine[k]!);
    texts[s] = held.texts;
  });
  return { boosted, texts };
}
