import { describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_POLICY, type MergePolicy, pickMerge, type SegmentSize, tierOf } from './merge-policy';

const policy: MergePolicy = { segmentsPerTier: 4, floor: 10, maxDeadShare: 0.5 };
const sizes = (...live: number[]): SegmentSize[] => live.map((n) => ({ docs: n, live: n }));

/** Applies the policy until it picks nothing, as a live corpus does after each new segment. */
function settle(segments: SegmentSize[], p: MergePolicy): { segments: SegmentSize[]; rewritten: number } {
  let rewritten = 0;
  for (let m = pickMerge(segments, p); m; m = pickMerge(segments, p)) {
    const merged = segments.slice(m.from, m.to);
    const live = merged.reduce((n, s) => n + s.live, 0);
    rewritten += live;
    segments = [...segments.slice(0, m.from), { docs: live, live }, ...segments.slice(m.to)];
  }
  return { segments, rewritten };
}

describe('merge policy (tiered)', () => {
  it('puts every segment under the floor in tier 0, and one tier up per factor', () => {
    expect([1, 9, 10, 39, 40, 159, 160].map((n) => tierOf(n, policy))).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(tierOf(999, DEFAULT_MERGE_POLICY)).toBe(0);
    expect(tierOf(10_000, DEFAULT_MERGE_POLICY)).toBe(1);
  });

  it('merges nothing while no tier holds segmentsPerTier adjacent segments', () => {
    expect(pickMerge(sizes(1000, 1, 2, 3), policy)).toBeUndefined();
    expect(pickMerge([], policy)).toBeUndefined();
  });

  it('merges the newest run of small segments once it is long enough', () => {
    expect(pickMerge(sizes(1000, 1, 2, 3, 4), policy)).toEqual({ from: 1, to: 5 });
    expect(pickMerge(sizes(1000, 50, 60, 70, 80, 1, 2), policy)).toEqual({ from: 1, to: 5 });
  });

  it('never merges segments that are not adjacent (a later version must stay later)', () => {
    // Tier-0 segments on both sides of a large one: no run of 4 though there are 4 of them.
    expect(pickMerge(sizes(1, 2, 1000, 3, 4), policy)).toBeUndefined();
  });

  it('rewrites a segment mostly made of dead documents', () => {
    expect(pickMerge([{ docs: 100, live: 40 }, ...sizes(5)], policy)).toEqual({ from: 0, to: 1 });
    expect(pickMerge([{ docs: 100, live: 60 }, ...sizes(5)], policy)).toBeUndefined();
    // Below the floor it waits for its tier's merge instead.
    expect(pickMerge([{ docs: 8, live: 1 }], policy)).toBeUndefined();
  });

  it('keeps O(log n) segments and rewrites each article O(log n) times over many small commits', () => {
    let segments: SegmentSize[] = [];
    let rewritten = 0;
    for (let commit = 0; commit < 2000; commit++) {
      const next = settle([...segments, { docs: 3, live: 3 }], policy);
      segments = next.segments;
      rewritten += next.rewritten;
      expect(segments.length).toBeLessThanOrEqual(4 * 5);
    }
    expect(segments.reduce((n, s) => n + s.live, 0)).toBe(6000);
    // Each article is rewritten about once per tier (6000 articles, tiers of 4: about 5 tiers).
    expect(rewritten / 6000).toBeLessThan(8);
  });

  it('never merges past maxSegment: a run is cut to its newest segments that fit, a full one stays', () => {
    const capped: MergePolicy = { ...policy, maxSegment: 100 };
    // 30+30+30 fit, a fourth would pass 100: the three newest are merged.
    expect(pickMerge(sizes(30, 30, 30, 30), capped)).toEqual({ from: 1, to: 4 });
    // Two newest neighbours pass 100 together: the newest pair that fits is taken instead.
    expect(pickMerge(sizes(45, 45, 45, 60), capped)).toEqual({ from: 1, to: 3 });
    // A segment of maxSegment is in no run; the small ones after it are merged on their own.
    expect(pickMerge(sizes(100, 1, 2, 3, 4), capped)).toEqual({ from: 1, to: 5 });
    expect(pickMerge(sizes(100, 100, 100, 100), capped)).toBeUndefined();
    // No bound without maxSegment: the whole run.
    expect(pickMerge(sizes(30, 30, 30, 30), policy)).toEqual({ from: 0, to: 4 });
  });

  it('keeps every merged segment within maxSegment and few segments over many commits', () => {
    const capped: MergePolicy = { ...policy, maxSegment: 200 };
    let segments: SegmentSize[] = [];
    for (let commit = 0; commit < 2000; commit++)
      segments = settle([...segments, { docs: 3, live: 3 }], capped).segments;
    expect(segments.reduce((n, s) => n + s.live, 0)).toBe(6000);
    expect(Math.max(...segments.map((s) => s.live))).toBeLessThanOrEqual(200);
    // 6000 articles in segments of at most 200: at least 30, and at most about twice that plus the tiers below.
    expect(segments.length).toBeLessThanOrEqual((2 * 6000) / 200 + 4 * 3);
  });
});
