import { compareStored } from '../../binary/string-column';
import { topK } from '../../search/engine/top-k';
import { deadTerms } from './dead-terms';
import { leastStoredHead } from './least-stored-head';
import type { SegmentsState } from './segments-state';

/**
 * The terms starting with a prefix in any segment, each once, in dictionary (code point) order, as the
 * segments' prefix ranges merged by their stored bytes: nothing is decoded but the terms a query keeps.
 * Term i has `df[i]` live documents (more than 0) and id `ids[i * segments + s]` in segment s (-1 where
 * that segment lacks it), so each segment reads its expansions without looking them up again.
 */
export interface PrefixTerms {
  count: number;
  df: Uint32Array;
  ids: Int32Array;
  /** Term i's name (decoded from a segment holding it). */
  name(i: number): string;
}

/** The segments' prefix ranges merged: one pass over each (a scan of the few heads beats a heap). */
export function prefixTerms(state: SegmentsState, p: string): PrefixTerms {
  const segs = state.segments;
  const S = segs.length;
  const ranges = segs.map((seg) => seg.state.index.terms.prefixRange(p));
  const at = ranges.map(([from]) => from);
  const ends = ranges.map(([, to]) => to);
  const columns = segs.map((seg) => seg.state.index.terms);
  const most = ranges.reduce((n, [from, to]) => n + to - from, 0);
  const df = new Uint32Array(most);
  const ids = new Int32Array(most * S).fill(-1);
  let n = 0;
  for (;;) {
    const least = leastStoredHead(columns, at, ends);
    if (least < 0) break;
    const column = columns[least]!;
    const t = at[least]!;
    let live = 0;
    let name: string | undefined;
    for (let s = least; s < S; s++) {
      const ix = segs[s]!.state.index;
      if (at[s]! >= ends[s]! || compareStored(ix.terms, at[s]!, t, column) !== 0) continue;
      const id = at[s]!++;
      ids[n * S + s] = id;
      live += ix.postings.df(id);
      // A segment's dead documents are counted by term name (rare: only a replaced or deleted article).
      if (segs[s]!.dead === null) continue;
      name ??= column.at(t);
      live -= deadTerms(segs[s]!).get(name) ?? 0;
    }
    df[n] = live;
    // A term only dead documents hold is not in the corpus: its slot is taken by the next.
    if (live > 0) n++;
    else ids.fill(-1, n * S, n * S + S);
  }
  return {
    count: n,
    df: df.subarray(0, n),
    ids: ids.subarray(0, n * S),
    name: (i) => {
      let s = 0;
      while (ids[i * S + s]! < 0) s++;
      return segs[s]!.state.index.terms.at(ids[i * S + s]!);
    },
  };
}

/**
 * The k commonest of the terms (most live documents first, ties in dictionary order), leaving out
 * `except` (a word's exact term, taken on its own): as expandWord ranks a prefix's completions. Only
 * the k + 1 commonest are decoded (to find `except` among them).
 */
export function commonestPrefixTerms(terms: PrefixTerms, k: number, except: string | undefined): number[] {
  const { df } = terms;
  const commoner = (x: number, y: number) => df[x]! > df[y]! || (df[x] === df[y] && x < y);
  const all = Array.from({ length: terms.count }, (_, i) => i);
  const best = topK(all, k + 1, commoner).filter((i) => except === undefined || terms.name(i) !== except);
  return best.slice(0, k);
}
