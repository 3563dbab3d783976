import type { Article } from '../model/article-schema';
import { entryAuthors, entryCategories, entryLink, entrySummary } from './entry-fields';
import { escapeXml } from './escape-xml';
import { isInstant, knownUpdate, newestInstant } from './feed-dates';
import { DEFAULT_FEED_AUTHOR, type FeedOptions } from './feed-options';

const element = (name: string, text: string, indent = '    ') =>
  `${indent}<${name}>${escapeXml(text)}</${name}>`;
const author = (name: string, indent = '    ') => `${indent}<author><name>${escapeXml(name)}</name></author>`;

function linkElement(rel: string, link: { href: string; type?: string }, indent: string): string {
  const type = link.type ? ` type="${escapeXml(link.type)}"` : '';
  return `${indent}<link rel="${rel}" href="${escapeXml(link.href)}"${type}/>`;
}

function entry(article: Article, updated: string, options: FeedOptions): string {
  const summary = entrySummary(article);
  return [
    '  <entry>',
    element('id', `urn:gazette:${article.id}`),
    `    <title type="text">${escapeXml(article.title)}</title>`,
    linkElement('alternate', entryLink(article, options), '    '),
    element('updated', updated),
    ...(isInstant(article.publishedAt) ? [element('published', article.publishedAt)] : []),
    ...entryAuthors(article).map((name) => author(name)),
    ...entryCategories(article).map((term) => `    <category term="${escapeXml(term)}"/>`),
    ...(summary ? [`    <summary type="text">${escapeXml(summary)}</summary>`] : []),
    '  </entry>',
  ].join('\n');
}

/**
 * An Atom 1.0 feed (RFC 4287) of the articles, in their order. Every element the RFC requires is there
 * and no date is invented: an entry's `<updated>` is its update, publication or first-seen time, and
 * only for an article with none of them the time the feed is written (`options.now`), which is when
 * this feed published it. The feed's `<author>` stands for entries with no byline and no source.
 */
export function atomFeed(articles: readonly Article[], options: FeedOptions): string {
  const updates = articles.map((a) => knownUpdate(a) ?? options.now);
  const feedUpdated = newestInstant(updates) ?? options.now;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', options.feedId, '  '),
    `  <title type="text">${escapeXml(options.title)}</title>`,
    linkElement('self', { href: options.selfUrl, type: 'application/atom+xml' }, '  '),
    ...(options.homeUrl
      ? [linkElement('alternate', { href: options.homeUrl, type: 'text/html' }, '  ')]
      : []),
    element('updated', feedUpdated, '  '),
    author(options.author ?? DEFAULT_FEED_AUTHOR, '  '),
    '  <generator>Gazette</generator>',
    ...articles.map((a, i) => entry(a, updates[i]!, options)),
    '</feed>',
    '',
  ].join('\n');
}
