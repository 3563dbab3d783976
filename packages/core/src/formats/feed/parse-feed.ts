import { buildArticle } from '../../article/build-article';
import type { EnrichOptions } from '../../enrich/enrich-article';
import { createDocument as linkedomDocument, type CreateDocument } from '../html/create-document';
import { htmlToBlocks } from '../html/html-to-blocks';
import type { Article } from '../../model/article-schema';
import type { Block } from '../../model/block-schema';
import { normalizeText } from '../../text/normalize-text';
import { type FeedItem, readFeed } from './read-feed';

function itemBlocks(item: FeedItem, createDocument: CreateDocument): Block[] {
  if (item.html && /<[a-z]/i.test(item.html)) {
    const doc = createDocument(`<!doctype html><html><body>${item.html}</body></html>`);
    return doc.body ? htmlToBlocks(doc.body, { title: item.meta.title }) : [];
  }
  const text = item.html ?? item.text ?? '';
  return normalizeText(text)
    .text.split(/\n/)
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph' as const, text: t }));
}

/** Turns one feed item into an Article from what the feed carries (no page fetched). */
export function feedItemToArticle(
  item: FeedItem,
  createDocument: CreateDocument = linkedomDocument,
  options: EnrichOptions = {},
): Article {
  const body = itemBlocks(item, createDocument);
  return buildArticle(
    {
      format: 'feed',
      body,
      meta: item.meta,
      fieldSources: { ...item.fieldSources, body: 'feed:content' },
      ...(item.identity ? { identity: item.identity } : {}),
    },
    options,
  );
}

/** Reads an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document: each item becomes an Article. */
export function parseFeed(
  content: string,
  options: EnrichOptions & {
    name?: string;
    createDocument?: CreateDocument;
    /** When the feed was fetched or ingested (ISO 8601): item dates more than a day after it are refused. */
    now?: string;
  } = {},
): Article[] {
  const feed = readFeed(content, options.name ?? 'feed', options.now);
  return feed.items.map((item) => feedItemToArticle(item, options.createDocument, options));
}
