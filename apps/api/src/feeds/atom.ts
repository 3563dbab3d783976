import type { Article } from '@gazette/core';
import { entrySummary, newestDate } from './feed-articles';
import type { FeedLinks } from './feed-links';

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/**
 * An Atom feed (RFC 4287). Gazette never invents dates: an article without one has no `updated`
 * element, and the feed's own `updated` is its newest known date (absent when none is known).
 */
export function atomFeed(articles: readonly Article[], opts: FeedLinks & { title: string }): string {
  const feedUpdated = newestDate(articles);
  const entries = articles.map((a) => {
    const updated = a.updatedAt ?? a.publishedAt;
    const link = a.url ?? opts.articleUrl(a);
    return [
      '  <entry>',
      `    <id>urn:gazette:${escapeXml(a.id)}</id>`,
      `    <title>${escapeXml(a.title)}</title>`,
      `    <link rel="alternate" href="${escapeXml(link)}"/>`,
      updated ? `    <updated>${escapeXml(updated)}</updated>` : '',
      a.publishedAt ? `    <published>${escapeXml(a.publishedAt)}</published>` : '',
      ...a.byline.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      a.section ? `    <category term="${escapeXml(a.section)}"/>` : '',
      `    <summary type="text">${escapeXml(entrySummary(a))}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(opts.feedId)}</id>`,
    `  <title>${escapeXml(opts.title)}</title>`,
    `  <link rel="self" href="${escapeXml(opts.selfUrl)}"/>`,
    feedUpdated ? `  <updated>${escapeXml(feedUpdated)}</updated>` : '',
    '  <generator>Gazette</generator>',
    ...entries,
    '</feed>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
