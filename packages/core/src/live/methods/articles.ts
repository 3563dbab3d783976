import type { Article } from '../../model/article-schema';
import { type ArticleFilters, ListParamsSchema } from '../../query-schema/query-params-schema';
import { parseParams } from '../../query-schema/parse-params';
import { mergeDocs } from '../components/merge-docs';
import { dateCompare, runsAfter, segmentMatches } from '../components/segment-matches';
import type { SegmentsState } from '../components/segments-state';

/** `corpus.articles()` over segments: each segment's matches merged in date order, one article at a time. */
export function articles(
  state: SegmentsState,
  filters: ArticleFilters | undefined,
  sort: 'newest' | 'oldest' = 'newest',
): Generator<Article, void, undefined> {
  // Checked and matched now, so a bad filter throws here rather than at the first article.
  const params = parseParams(ListParamsSchema, { filters, sort }, 'articles parameters');
  const m = segmentMatches(state, undefined, params.filters, params.sort);
  const docs = mergeDocs(state, runsAfter(state, m, params.sort, undefined), dateCompare(params.sort));
  return (function* () {
    for (const { s, d } of docs) yield state.segments[s]!.state.article(d);
  })();
}
