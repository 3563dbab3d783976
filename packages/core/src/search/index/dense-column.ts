import type { FacetColumn } from './search-index';

/** Whether each column holds exactly one value a document (found on first asking; columns never change). */
const known = new WeakMap<FacetColumn, boolean>();

/**
 * Does every document hold exactly one value of this column (section, month, source, language on a
 * typical corpus)? Then document d's value is `val[d]`: a filter or a count reads one number a
 * document, not its range in `off` first.
 */
export function isDense(column: FacetColumn): boolean {
  let dense = known.get(column);
  if (dense === undefined) {
    const off = column.off;
    dense = off.length > 0;
    for (let d = 0; d < off.length && dense; d++) dense = off[d] === d;
    known.set(column, dense);
  }
  return dense;
}

/** Runs of documents with one value: run r is documents [starts[r], starts[r + 1]), holding vals[r]. */
export interface ValueRuns {
  /** Ascending, from 0, the document count last. */
  starts: Uint32Array;
  /** A run's value, or NO_VALUE for documents without one. */
  vals: Uint32Array;
}

export const NO_VALUE = 0xffffffff;
/** Runs pay when a run holds this many documents on average: a count then steps from run to run. */
const RUN_LENGTH = 32;

const runsOf = new WeakMap<FacetColumn, ValueRuns | null>();

/**
 * The column as runs of consecutive documents with one value, when it holds at most one value a
 * document and its runs are long (months: documents are numbered newest first); undefined otherwise.
 */
export function valueRuns(column: FacetColumn): ValueRuns | undefined {
  let runs = runsOf.get(column);
  if (runs === undefined) {
    runs = findRuns(column);
    runsOf.set(column, runs);
  }
  return runs ?? undefined;
}

function findRuns({ off, val }: FacetColumn): ValueRuns | null {
  const n = off.length - 1;
  const starts: number[] = [];
  const vals: number[] = [];
  let last = -1;
  for (let d = 0; d < n; d++) {
    const size = off[d + 1]! - off[d]!;
    if (size > 1) return null;
    const v = size === 0 ? NO_VALUE : val[off[d]!]!;
    if (v === last) continue;
    if (starts.length * RUN_LENGTH >= n) return null;
    starts.push(d);
    vals.push(v);
    last = v;
  }
  starts.push(Math.max(n, 0));
  return { starts: Uint32Array.from(starts), vals: Uint32Array.from(vals) };
}
