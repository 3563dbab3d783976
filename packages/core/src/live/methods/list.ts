import { decodeCursor, encodeCursor, fingerprint } from '../../corpus/components/cursor';
import { toSummary } from '../../corpus/components/to-summary';
import { ListParamsSchema } from '../../query-schema/query-params-schema';
import type { ArticleSummary, ListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { mergeDocs } from '../components/merge-docs';
import { dateCompare, runsAfter, segmentMatches } from '../components/segment-matches';
import type { SegmentsState } from '../components/segments-state';

/**
 * `corpus.list()` over segments: each segment's matches from the cursor's key on, merged in date order;
 * a page reads about `limit` documents per segment, and its cursor is the one a corpus built at once gives.
 */
export function list(state: SegmentsState, raw: unknown = {}): ListResult {
  const params = parseParams(ListParamsSchema, raw, 'list parameters');
  const fp = fingerprint(params);
  const key = decodeCursor(params.cursor, fp, 'ss');
  const m = segmentMatches(state, params.q, params.filters, params.sort);
  const runs = runsAfter(state, m, params.sort, key, params.reverse);
  const docs = mergeDocs(state, runs, dateCompare(params.sort, params.reverse));
  const items: ArticleSummary[] = [];
  let last: [string, string] | undefined;
  // Read by hand: a for-of that breaks would close the merge before the look past the page.
  for (let next = docs.next(); !next.done; next = docs.next()) {
    const seg = state.segments[next.value.s]!.state;
    items.push(toSummary(seg.article(next.value.d)));
    last = seg.dates.key(next.value.d);
    if (items.length === params.limit) break;
  }
  const more = last !== undefined && !docs.next().done;
  const nextCursor = more ? encodeCursor(last!, fp) : null;
  return { total: m.total, items, nextCursor, ...(m.exhausted ? { partial: true } : {}) };
}
