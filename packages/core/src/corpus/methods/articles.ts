import type { Article } from '../../model/article-schema';
import { type ArticleFilters, ListParamsSchema } from '../../query-schema/query-params-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';

/** `corpus.articles()`: every article matching `filters`, in date order, one at a time (builds, exports). */
export function articles(
  state: CorpusState,
  filters: ArticleFilters | undefined,
  sort: 'newest' | 'oldest' = 'newest',
): Generator<Article, void, undefined> {
  // Checked and matched now, so a bad filter throws here rather than at the first article.
  const params = parseParams(ListParamsSchema, { filters, sort }, 'articles parameters');
  const { docs } = state.matching(undefined, params.filters, params.sort);
  return (function* () {
    for (let i = 0; i < docs.length; i++) yield state.article(docs[i]!);
  })();
}
