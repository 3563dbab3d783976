import type { Article, ArticleFilters, Corpus } from '@gazette/core';

/** The articles of a feed: a search (newest first) when there is a query, else the newest list. */
export function feedArticles(
  corpus: Corpus,
  params: { q?: string; filters?: ArticleFilters; limit?: number },
): Article[] {
  const base = {
    ...(params.filters ? { filters: params.filters } : {}),
    ...(params.limit !== undefined ? { limit: params.limit } : {}),
    sort: 'newest' as const,
  };
  const ids = params.q?.trim()
    ? corpus.search({ ...base, q: params.q }).hits.map((h) => h.id)
    : corpus.list(base).items.map((s) => s.id);
  return ids.map((id) => corpus.get(id)).filter((a): a is Article => a !== undefined);
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
