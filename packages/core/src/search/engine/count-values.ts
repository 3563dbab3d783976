import { isDense, NO_VALUE, type ValueRuns, valueRuns } from '../index/dense-column';
import { gallop } from '../index/gallop';
import type { FacetColumn } from '../index/search-index';

interface ValueCounts {
  counts: Uint32Array;
  /** The values met, in order of first sighting. */
  top: number[];
}

/**
 * Documents per value of a facet column over the first n docs (ascending). A column in long runs
 * (months) is counted a run at a time; a column of one value a document is read at the document
 * (isDense), without its range.
 */
export function countValues(column: FacetColumn, docs: Uint32Array, n: number): ValueCounts {
  const out: ValueCounts = { counts: new Uint32Array(column.values.length), top: [] };
  const runs = valueRuns(column);
  if (runs) return countRuns(runs, docs, n, out);
  const { counts, top } = out;
  const { off, val } = column;
  if (isDense(column)) {
    for (let i = 0; i < n; i++) {
      const v = val[docs[i]!]!;
      if (counts[v]!++ === 0) top.push(v);
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    for (let j = off[d]!; j < off[d + 1]!; j++) {
      const v = val[j]!;
      if (counts[v]!++ === 0) top.push(v);
    }
  }
  return out;
}

/** Counts by runs: the run holding the next document is found, and the documents up to its end counted at once. */
function countRuns({ starts, vals }: ValueRuns, docs: Uint32Array, n: number, out: ValueCounts): ValueCounts {
  const { counts, top } = out;
  let r = 0;
  for (let i = 0; i < n; ) {
    r = gallop(starts, r, docs[i]! + 1) - 1;
    const end = Math.min(gallop(docs, i, starts[r + 1]!), n);
    const v = vals[r]!;
    if (v !== NO_VALUE) {
      if (counts[v] === 0) top.push(v);
      counts[v]! += end - i;
    }
    i = end;
  }
  return out;
}
