import {
  decodeCursor,
  encodeCursor,
  fingerprint,
  MAX_CURSOR_OFFSET,
  relevanceOffset,
} from '../../corpus/components/cursor';
import { SearchParamsSchema } from '../../query-schema/query-params-schema';
import type { SearchResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { mergedFacets } from '../components/merged-facets';
import { mergedPage } from '../components/merged-page';
import { matchSegments, type SegmentsFound } from '../components/match-segments';
import { search as searchOne } from '../../corpus/methods/search';
import { soleSegment } from '../components/sole-segment';
import type { SegmentsState } from '../components/segments-state';

type SearchSort = 'relevance' | 'newest' | 'oldest';

/**
 * Where a search page starts: relevance counts its offset (up to a limit); a date sort seeks its key in
 * each segment's date order, and its offset is the documents before it in all of them.
 */
function pageStart(
  state: SegmentsState,
  found: SegmentsFound,
  sort: SearchSort,
  cursor: string | undefined,
  fp: string,
): { offset: number; starts: number[] } {
  if (sort !== 'relevance') {
    const key = decodeCursor(cursor, fp, 'ss');
    const starts = found.parts.map((m, s) => {
      const dates = state.segments[s]!.state.dates;
      return key ? dates.seek(dates.of(m.docs, sort), sort, key) : 0;
    });
    return { offset: starts.reduce((n, x) => n + x, 0), starts };
  }
  return { offset: relevanceOffset(cursor, fp), starts: [] };
}

/** `search()` over segments: what corpus/methods/search.ts answers over a corpus built at once. */
export function search(state: SegmentsState, raw: unknown): SearchResult {
  const sole = soleSegment(state);
  if (sole) return searchOne(sole, raw);
  const params = parseParams(SearchParamsSchema, raw, 'search parameters');
  const fp = fingerprint(params);
  const found = matchSegments(state, params.q, params.filters, params.typos);
  const { offset, starts } = pageStart(state, found, params.sort, params.cursor, fp);
  const { total, hits, docs } = mergedPage(state, found, params.sort, offset, params.limit, starts);
  // Relevance gives no cursor it would refuse: the list ends at its depth limit.
  const next = offset + hits.length;
  const more = next < total && hits.length > 0 && (params.sort !== 'relevance' || next <= MAX_CURSOR_OFFSET);
  const lastDoc = docs.at(-1);
  const last =
    params.sort === 'relevance' || !lastDoc ? [next] : state.segments[lastDoc.s]!.state.dates.key(lastDoc.d);
  const facets = params.facets?.length
    ? mergedFacets(state, found.parts, params.facets, 10, found.budget, params.filters)
    : {};
  return {
    total,
    hits,
    facets,
    nextCursor: more ? encodeCursor(last, fp) : null,
    partial: found.budget.exhausted,
  };
}
