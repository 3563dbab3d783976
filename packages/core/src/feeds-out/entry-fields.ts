import type { Article } from '../model/article-schema';
import type { FeedOptions } from './feed-options';

/** What an entry shows as its summary: the standfirst or summary when given, else the first paragraph. */
export function entrySummary(article: Article): string {
  return (
    article.standfirst ?? article.summary ?? article.body.find((b) => b.kind === 'paragraph')?.text ?? ''
  );
}

/** Who an entry is by: its byline, else its source; none leaves the feed's own author to stand for it. */
export function entryAuthors(article: Article): string[] {
  if (article.byline.length) return article.byline;
  return article.source ? [article.source.name] : [];
}

/** An absolute http(s) URL: `javascript:`, `data:` and relative URLs are not. */
export const isHttpUrl = (url: string | undefined): url is string => !!url && /^https?:\/\/[^\s]/i.test(url);

/** The article's own http(s) URL, else the face's page for it (`javascript:` and the like never link). */
export function entryLink(article: Article, options: FeedOptions): { href: string; type?: string } {
  if (isHttpUrl(article.url)) return { href: article.url };
  const href = options.articleLink(article);
  return options.articleLinkType ? { href, type: options.articleLinkType } : { href };
}

/** The section first, then the tags, each once. */
export function entryCategories(article: Article): string[] {
  return [...new Set(article.section ? [article.section, ...article.tags] : article.tags)];
}
