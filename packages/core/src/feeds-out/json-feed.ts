import type { Article } from '../model/article-schema';
import { entryAuthors, entryCategories, entryLink, entrySummary, isHttpUrl } from './entry-fields';
import { isInstant } from './feed-dates';
import { DEFAULT_FEED_AUTHOR, type FeedOptions } from './feed-options';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_text: string;
  date_published?: string;
  date_modified?: string;
  authors?: Array<{ name: string }>;
  tags?: string[];
  language?: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  authors: Array<{ name: string }>;
  items: JsonFeedItem[];
}

function item(article: Article, options: FeedOptions): JsonFeedItem {
  const summary = entrySummary(article);
  const text = article.body.map((b) => b.text).join('\n\n');
  const authors = entryAuthors(article);
  const tags = entryCategories(article);
  return {
    id: article.id,
    url: entryLink(article, options).href,
    title: article.title,
    ...(summary ? { summary } : {}),
    // JSON Feed requires content: the text, else what stands for it (an item with no body has a title).
    content_text: text || summary || article.title,
    ...(isInstant(article.publishedAt) ? { date_published: article.publishedAt } : {}),
    ...(isInstant(article.updatedAt) ? { date_modified: article.updatedAt } : {}),
    ...(authors.length ? { authors: authors.map((name) => ({ name })) } : {}),
    ...(tags.length ? { tags } : {}),
    ...(article.language !== 'und' ? { language: article.language } : {}),
  };
}

/**
 * A JSON Feed 1.1 document of the articles, in their order. Dates are optional in JSON Feed, so an
 * item carries only the article's own publication and update times, never a stand-in.
 */
export function jsonFeed(articles: readonly Article[], options: FeedOptions): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: options.title,
    // JSON Feed's URLs are absolute (no base to resolve against, unlike Atom's links): a face with no
    // public origin (the API without GAZETTE_PUBLIC_URL) leaves these optional ones out.
    ...(isHttpUrl(options.homeUrl) ? { home_page_url: options.homeUrl } : {}),
    ...(isHttpUrl(options.selfUrl) ? { feed_url: options.selfUrl } : {}),
    authors: [{ name: options.author ?? DEFAULT_FEED_AUTHOR }],
    items: articles.map((a) => item(a, options)),
  };
}
