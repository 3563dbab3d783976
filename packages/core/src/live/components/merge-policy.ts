/**
 * Which segments of a live corpus to merge next, in the manner of Lucene's TieredMergePolicy: segments
 * fall in tiers by size (each tier `segmentsPerTier` times the one below, everything under `floor` in the
 * lowest); when a tier holds `segmentsPerTier` adjacent segments they are merged into one of the next
 * tier, so a corpus of n articles has O(log n) segments and each article is rewritten O(log n) times.
 * A segment mostly made of dead documents (superseded versions) is rewritten to drop them. Only adjacent
 * segments are merged: a later segment's version of an article wins, so their order must hold.
 * Pure: the caller measures, runs the merge (in a worker) and swaps it in.
 */

export interface MergePolicy {
  /** Adjacent segments of one tier merged at once (and the ratio between tiers). */
  segmentsPerTier: number;
  /** Segments smaller than this (live documents) all count as the lowest tier. */
  floor: number;
  /** A segment of at least `floor` documents whose dead share exceeds this is rewritten alone. */
  maxDeadShare: number;
  /**
   * The most live documents a merge may make (unset: no bound; 100,000 by default): a segment this large is merged no
   * more, and a run whose total would pass it is merged in smaller adjacent pieces. A merge holds its
   * articles in memory, so this bounds a merge's memory by the segment, not by the corpus.
   */
  maxSegment?: number;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = {
  segmentsPerTier: 10,
  floor: 1000,
  maxDeadShare: 0.5,
  maxSegment: 100_000,
};

/** What the policy knows of a segment: its documents, and how many of them are live. */
export interface SegmentSize {
  docs: number;
  live: number;
}

/** Segments [from, to) (oldest first) to merge into one. */
export interface MergeRange {
  from: number;
  to: number;
}

/** The tier of a segment of `live` documents: 0 below the floor, +1 for each factor of segmentsPerTier. */
export function tierOf(live: number, policy: MergePolicy = DEFAULT_MERGE_POLICY): number {
  const factor = Math.max(2, policy.segmentsPerTier);
  let tier = 0;
  for (let size = Math.max(1, policy.floor); live >= size * factor; size *= factor) tier++;
  return live < policy.floor ? 0 : tier;
}

/**
 * The merge to run next, or undefined when the segments are in shape: the newest run of at least
 * `segmentsPerTier` adjacent segments of the same tier (the smallest, so cheapest, come first), cut to
 * its newest adjacent segments that fit `maxSegment`, else the newest segment whose dead share is over
 * the limit.
 */
export function pickMerge(
  segments: readonly SegmentSize[],
  policy: MergePolicy = DEFAULT_MERGE_POLICY,
): MergeRange | undefined {
  const k = Math.max(2, policy.segmentsPerTier);
  const most = policy.maxSegment ?? Number.POSITIVE_INFINITY;
  // A full segment is in no tier (-1): it is never merged again, and it parts the runs on either side.
  const tierAt = (s: number) => (segments[s]!.live >= most ? -1 : tierOf(segments[s]!.live, policy));
  let to = segments.length;
  while (to > 0) {
    const tier = tierAt(to - 1);
    let from = to - 1;
    while (from > 0 && tierAt(from - 1) === tier) from--;
    const fit = tier >= 0 && to - from >= k ? newestFitting(segments, from, to, most) : undefined;
    if (fit) return fit;
    to = from;
  }
  for (let s = segments.length - 1; s >= 0; s--) {
    const { docs, live } = segments[s]!;
    if (docs >= policy.floor && docs - live > docs * policy.maxDeadShare) return { from: s, to: s + 1 };
  }
  return undefined;
}

/**
 * The newest range of two or more adjacent segments in [from, to) whose live documents total at most
 * `most`, as long as it goes. Once settled, any two neighbours of a run pass `most` together, so a run
 * holds fewer than 2·(its documents)/most + 1 segments.
 */
function newestFitting(
  segments: readonly SegmentSize[],
  from: number,
  to: number,
  most: number,
): MergeRange | undefined {
  for (let end = to; end - from >= 2; end--) {
    let start = end;
    let total = 0;
    while (start > from && total + segments[start - 1]!.live <= most) total += segments[--start]!.live;
    if (end - start >= 2) return { from: start, to: end };
  }
  return undefined;
}
