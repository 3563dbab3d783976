import type { Article, ArticleFilters, Corpus } from '@gazette/core';

/**
 * The articles of a feed, newest first: the core's list, narrowed by the query when there is one. Not a
 * search: a feed shows neither scores nor snippets, and making snippets for 100 hits of a broad query is
 * what made a feed cost seconds.
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

/** What a feed entry shows as its summary: the standfirst or summary when given, else the first paragraph. */
export function entrySummary(article: Article): string {
  return (
    article.standfirst ?? article.summary ?? article.body.find((b) => b.kind === 'paragraph')?.text ?? ''
  );
}

/** The newest date among the articles, for the feed's own `updated`. */
export function newestDate(articles: readonly Article[]): string | undefined {
  let newest: string | undefined;
  for (const a of articles) {
    const d = a.updatedAt ?? a.publishedAt;
    if (d && (!newest || Date.parse(d) > Date.parse(newest))) newest = d;
  }
  return newest;
}
