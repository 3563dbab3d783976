import type { Article } from '../../model/article-schema';
import type { ArticleSummary } from '../../query-schema/query-result-schema';

export function toSummary(a: Article): ArticleSummary {
  const s: ArticleSummary = {
    id: a.id,
    slug: a.slug,
    title: a.title,
    titleSource: a.titleSource,
    byline: a.byline,
    language: a.language,
    tags: a.tags,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
  };
  if (a.standfirst !== undefined) s.standfirst = a.standfirst;
  // The card's lede: the enrichment's extractive summary (the opening sentences, at most ~320 chars).
  if (a.summary !== undefined) s.summary = a.summary;
  if (a.source !== undefined) s.source = a.source;
  if (a.url !== undefined) s.url = a.url;
  if (a.publishedAt !== undefined) s.publishedAt = a.publishedAt;
  if (a.section !== undefined) s.section = a.section;
  return s;
}
