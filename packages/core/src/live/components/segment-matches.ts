import type { CursorKey } from '../../corpus/components/cursor';
import { DateOrder, type DateSort } from '../../corpus/components/date-order';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { entityFilterDocs } from './entity-filter-docs';
import { matchSegments } from './match-segments';
import type { DocRun } from './merge-docs';
import type { SegmentsState } from './segments-state';

/** What a query and filters select in each segment (in `sort` order; without a query, dead documents included). */
export interface SegmentMatches {
  runs: { s: number; docs: ArrayLike<number> }[];
  /** Live documents selected, over all segments. */
  total: number;
  exhausted: boolean;
}

/** Live documents among `docs` of segment s. */
function liveAmong(state: SegmentsState, s: number, docs: ArrayLike<number>): number {
  const dead = state.segments[s]!.dead;
  if (!dead) return docs.length;
  let n = 0;
  for (let i = 0; i < docs.length; i++) n += dead[docs[i]!] ? 0 : 1;
  return n;
}

/**
 * What a query and filters select in each segment. Without a query, each segment's own `matching` (every
 * document, or those its filters keep: per-document data, except entity and country filters, which read
 * corpus-wide names and summaries and are decided over all segments, entity-filter-docs.ts). With one,
 * matchSegments: the query evaluated with the corpus's statistics and word expansions, as a build at once
 * evaluates it.
 */
export function segmentMatches(
  state: SegmentsState,
  q: string | undefined,
  filters: ArticleFilters | undefined,
  sort: DateSort,
): SegmentMatches {
  if (q !== undefined && q.trim() !== '') {
    const found = matchSegments(state, q, filters);
    const runs = found.parts.map((m, s) => ({ s, docs: state.segments[s]!.state.dates.of(m.docs, sort) }));
    const total = found.parts.reduce((n, m) => n + m.docs.length, 0);
    return { runs, total, exhausted: found.budget.exhausted };
  }
  let total = 0;
  let exhausted = false;
  const byEntity = entityFilterDocs(state, filters);
  const rest = byEntity ? { ...filters, entity: undefined, country: undefined } : filters;
  const runs = state.segments.map((seg, s) => {
    const m = seg.state.matching(undefined, rest, sort);
    exhausted ||= m.exhausted;
    let docs = m.docs;
    if (byEntity) {
      const keep = byEntity(s);
      docs = Array.prototype.filter.call(docs, (d: number) => keep[d] === 1) as number[];
    }
    total += docs.length === seg.state.index.n ? seg.live : liveAmong(state, s, docs);
    return { s, docs };
  });
  return { runs, total, exhausted };
}

/** The order a date list is merged in: `sort`, or its reverse when read from the end. */
export function dateCompare(sort: DateSort, reverse = false): (a: CursorKey, b: CursorKey) => number {
  const order = DateOrder.compare(sort);
  return reverse ? (a, b) => order(b, a) : order;
}

/** Each segment's run from the first document after `key` (a date cursor's), read forward or from the end. */
export function runsAfter(
  state: SegmentsState,
  m: SegmentMatches,
  sort: DateSort,
  key: CursorKey | undefined,
  reverse = false,
): DocRun[] {
  return m.runs.map(({ s, docs }) => ({
    s,
    docs,
    from: state.segments[s]!.state.dates.seek(docs, sort, key, reverse),
    reverse,
  }));
}
