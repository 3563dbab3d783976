import type { Corpus } from '../corpus/components/corpus-types';
import type { ArticleFilters } from '../query-schema/query-params-schema';
import type { Article } from '../model/article-schema';

/**
 * The articles of a feed, newest first: the corpus's list, narrowed by the query when there is one. Not
 * a search: a feed shows neither scores nor snippets, and making snippets for 100 hits of a broad query
 * is what made a feed cost seconds.
 */
export function feedArticles(
  corpus: Corpus,
  params: { q?: string; filters?: ArticleFilters; limit?: number },
): Article[] {
  return corpus
    .list({ ...params, sort: 'newest' })
    .items.map((s) => corpus.get(s.id))
    .filter((a): a is Article => a !== undefined);
}
