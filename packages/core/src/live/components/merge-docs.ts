import type { CursorKey } from '../../corpus/components/cursor';
import { isLive, type SegmentDoc, type SegmentsState } from './segments-state';

/** Documents of one segment in the merge's order: `docs` read from `from` on, or from the end when `reverse`. */
export interface DocRun {
  s: number;
  docs: ArrayLike<number>;
  from: number;
  reverse?: boolean;
}

/**
 * The live documents of several runs (each already in `compare` order of its keys) as one sequence in that
 * order, read lazily: each step compares the runs' heads, so a page of 20 reads about 20 documents per
 * run, whatever the segments hold. Dead documents, and those `keep` refuses, are skipped.
 */
export function* mergeDocs(
  state: SegmentsState,
  runs: readonly DocRun[],
  compare: (a: CursorKey, b: CursorKey) => number,
  keep: (s: number, d: number) => boolean = () => true,
): Generator<SegmentDoc, void, undefined> {
  const heads = runs.map((r) => ({ ...r, i: r.from, d: -1, key: [] as CursorKey }));
  const advance = (h: (typeof heads)[number]): boolean => {
    const n = h.docs.length;
    for (; h.i < n; h.i++) {
      const d = h.docs[h.reverse ? n - 1 - h.i : h.i]!;
      if (!isLive(state, h.s, d) || !keep(h.s, d)) continue;
      h.d = d;
      h.key = state.segments[h.s]!.state.dates.key(d);
      h.i++;
      return true;
    }
    return false;
  };
  const live = heads.filter(advance);
  while (live.length) {
    let best = 0;
    for (let k = 1; k < live.length; k++) if (compare(live[k]!.key, live[best]!.key) < 0) best = k;
    const h = live[best]!;
    yield { s: h.s, d: h.d };
    if (!advance(h)) live.splice(best, 1);
  }
}
