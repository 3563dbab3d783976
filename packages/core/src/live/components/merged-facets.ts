import { compareCodePoints } from '../../binary/string-column';
import type { FacetName } from '../../model/facet-name-schema';
import type { Facets } from '../../query-schema/query-result-schema';
import type { Matches } from '../../search/engine/evaluate-query';
import type { FacetColumn } from '../../search/index/search-index';
import { topK } from '../../search/engine/top-k';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import type { WorkBudget } from '../../search/query/work-budget';
import type { SegmentsState } from './segments-state';

/** Counts over every live document, per state and facet (a state's segments never change). */
const everyCount = new WeakMap<SegmentsState, Map<FacetName, Map<string, number>>>();

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
  /** The filters the matches passed (SearchEngine.facets). */
  filters?: ArticleFilters,
): Facets {
  const matching = parts.reduce((n, m) => n + m.docs.length, 0);
  const every = matching === state.size;
  const out: Facets = {};
  for (const name of names) {
    let counts = every ? everyCount.get(state)?.get(name) : undefined;
    if (!counts) {
      counts = new Map<string, number>();
      for (const [s, m] of parts.entries()) {
        const n = every ? m.docs.length : budget.upTo(m.docs.length);
        const { engine, index } = state.segments[s]!.state;
        addCounts(counts, index.facets[name], engine.valueCounts(name, m.docs, n, filters));
      }
      if (every) everyCount.set(state, (everyCount.get(state) ?? new Map()).set(name, counts));
    }
    const better = (x: [string, number], y: [string, number]) =>
      x[1] !== y[1] ? x[1] > y[1] : compareCodePoints(x[0], y[0]) < 0;
    out[name] = topK(counts, limit, better).map(([value, count]) => ({ value, count }));
  }
  return out;
}

/** Each facet column's values as decoded so far (segments are immutable: a value never changes). */
const decoded = new WeakMap<FacetColumn, Array<string | undefined>>();

/** Adds a segment's counts per value of a facet column to `counts` (by value: segments number them apart). */
function addCounts(
  counts: Map<string, number>,
  column: FacetColumn,
  { counts: here, top: met }: { counts: Uint32Array; top: number[] },
): void {
  let names = decoded.get(column);
  if (!names) {
    names = new Array(column.values.length);
    decoded.set(column, names);
  }
  for (const v of met) {
    names[v] ??= column.values.at(v);
    const value = names[v]!;
    counts.set(value, (counts.get(value) ?? 0) + here[v]!);
  }
}
