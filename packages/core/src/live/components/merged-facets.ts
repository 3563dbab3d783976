import { compareCodePoints } from '../../binary/string-column';
import type { FacetName } from '../../model/facet-name-schema';
import type { Facets } from '../../query-schema/query-result-schema';
import type { Matches } from '../../search/engine/evaluate-query';
import { topK } from '../../search/engine/top-k';
import type { WorkBudget } from '../../search/query/work-budget';
import type { SegmentsState } from './segments-state';

/**
 * SearchEngine.facets over segments: each segment counts its live matches per value, the counts are
 * summed by value, and the most frequent `limit` kept (ties by value in code point order). As in one
 * corpus, counting every live document is free and otherwise each document counted (per facet) is
 * paid for; the
 * budget is spent segment after segment, so when it runs out the documents left uncounted are not
 * those a build at once would leave.
 */
export function mergedFacets(
  state: SegmentsState,
  parts: readonly Matches[],
  names: readonly FacetName[],
  limit: number,
  budget: WorkBudget,
): Facets {
  const matching = parts.reduce((n, m) => n + m.docs.length, 0);
  const every = matching === state.size;
  const out: Facets = {};
  for (const name of names) {
    const counts = new Map<string, number>();
    parts.forEach((m, s) => {
      const n = every ? m.docs.length : budget.upTo(m.docs.length);
      countInto(counts, state.segments[s]!.state.index.facets[name], m.docs, n);
    });
    const better = (x: [string, number], y: [string, number]) =>
      x[1] !== y[1] ? x[1] > y[1] : compareCodePoints(x[0], y[0]) < 0;
    out[name] = topK(counts, limit, better).map(([value, count]) => ({ value, count }));
  }
  return out;
}

/** Adds the documents per value of a facet column over the first n docs to `counts`. */
function countInto(
  counts: Map<string, number>,
  column: { values: { at(i: number): string; length: number }; off: Uint32Array; val: Uint32Array },
  docs: Uint32Array,
  n: number,
): void {
  const here = new Uint32Array(column.values.length);
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    for (let j = column.off[d]!; j < column.off[d + 1]!; j++) here[column.val[j]!]!++;
  }
  for (let v = 0; v < here.length; v++) {
    if (here[v] === 0) continue;
    const value = column.values.at(v);
    counts.set(value, (counts.get(value) ?? 0) + here[v]!);
  }
}
