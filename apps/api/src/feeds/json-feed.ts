import type { Article } from '@gazette/core';
import { entrySummary } from './feed-articles';
import type { FeedLinks } from './feed-links';

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Dates appear only when known. */
export function jsonFeed(articles: readonly Article[], opts: FeedLinks & { title: string }) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: opts.title,
    feed_url: opts.selfUrl,
    items: articles.map((a) => ({
      id: a.id,
      url: a.url ?? opts.articleUrl(a),
      title: a.title,
      summary: entrySummary(a),
      content_text: a.body.map((b) => b.text).join('\n\n'),
      ...(a.publishedAt ? { date_published: a.publishedAt } : {}),
      ...(a.updatedAt ? { date_modified: a.updatedAt } : {}),
      ...(a.byline.length ? { authors: a.byline.map((name) => ({ name })) } : {}),
      tags: a.section ? [a.section, ...a.tags] : a.tags,
      ...(a.language !== 'und' ? { language: a.language } : {}),
    })),
  };
}
