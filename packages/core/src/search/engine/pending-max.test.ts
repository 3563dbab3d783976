import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { type Matches, scoreAt } from './matches';
import { PendingMax } from './pending-max';

/** A seeded list as a posting list read in place: documents ascending, impacts times a multiplier. */
function list(r: () => number, n: number): Matches {
  const docs = [...new Set(Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * n)))].sort(
    (a, b) => a - b,
  );
  return {
    docs: Uint32Array.from(docs),
    scores: null,
    imp: Uint8Array.from(docs, () => 1 + Math.floor(r() * 255)),
    mult: 0.01 + r(),
    typos: null,
  };
}

/** Each document's best score over the lists (the full merge's definition). */
function bestOf(lists: readonly Matches[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of lists)
    for (let i = 0; i < l.docs.length; i++) {
      const d = l.docs[i]!;
      out.set(d, Math.max(out.get(d) ?? 0, scoreAt(l, i)));
    }
  return out;
}

/** The merge a PendingMax is given: every document once, ascending, with its best score. */
function merge(lists: readonly Matches[]): Matches {
  const best = [...bestOf(lists)].sort((a, b) => a[0] - b[0]);
  return {
    docs: Uint32Array.from(best, ([d]) => d),
    scores: Float32Array.from(best, ([, s]) => s),
    typos: null,
  };
}

describe('PendingMax', () => {
  it('holds every document scoring `below` or more with its full score, and counts every match', () => {
    const r = seededRandom(5);
    let skipped = 0;
    for (let round = 0; round < 300; round++) {
      const lists = Array.from({ length: 2 + Math.floor(r() * 8) }, () => list(r, 500));
      const full = bestOf(lists);
      const scores = [...full.values()].sort((a, b) => b - a);
      // The k-th best score, as the segments before would give it (or none).
      const below = round % 4 === 0 ? 0 : scores[Math.floor(r() * scores.length)]!;
      const { top, total } = new PendingMax(lists, merge).page(below);
      expect(total).toBe(full.size);
      const held = new Map(Array.from(top.docs, (d, i) => [d, scoreAt(top, i)]));
      for (const [d, s] of full) if (s >= below) expect(held.get(d), `doc ${d}`).toBe(s);
      for (const [d, s] of held) if (s >= below) expect(full.get(d)).toBe(s);
      if (top.docs.length < full.size) skipped++;
    }
    // Not vacuous: many pages leave some lists out (a quarter have no `below`).
    expect(skipped).toBeGreaterThan(100);
  });

  it('lists every match in full when read as plain matches', () => {
    const r = seededRandom(8);
    const lists = Array.from({ length: 6 }, () => list(r, 300));
    const m = new PendingMax(lists, merge);
    expect(Array.from(m.docs)).toEqual(Array.from(merge(lists).docs));
    expect(m.typos).toBeNull();
  });
});
