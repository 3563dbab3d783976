import type { Article, Corpus } from '@gazette/core';
import { type ArticleFilters, type ArticleSummary, type QuoteItem, toSummary } from '@gazette/core/query';

// The core walks every article (corpus.articles) and pages every list at any depth; these only collect.

/** Every article matching `filters`, newest first, as list summaries. */
export function allSummaries(corpus: Corpus, filters?: ArticleFilters): ArticleSummary[] {
  return Array.from(corpus.articles(filters), toSummary);
}

const articleCache = new WeakMap<Corpus, Article[]>();

/** Every article, newest first (cached per corpus: several routes need it). */
export function allArticles(corpus: Corpus): Article[] {
  let all = articleCache.get(corpus);
  if (!all) {
    all = [...corpus.articles()];
    articleCache.set(corpus, all);
  }
  return all;
}

/** Quotations that read as statements, newest first, optionally by one speaker (an entity id or a name), up to `max`. */
export function allQuotes(corpus: Corpus, speaker: string | undefined, max: number): QuoteItem[] {
  const out: QuoteItem[] = [];
  let cursor: string | undefined;
  do {
    const page = corpus.quotes({
      statements: true,
      limit: 100,
      ...(speaker ? { speaker } : {}),
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}
