import { GazetteError } from '../../errors/gazette-error';
import { normalizeDate } from '../../metadata/normalize-date';
import { splitAuthors } from '../../metadata/split-authors';
import type { ArticleMeta } from '../../model/article-meta-schema';
import { normalizeLine } from '../../text/normalize-text';
import type { FeedItem } from './feed-item';
import { feedPollHintSeconds } from './feed-poll-hint';
import { assignItemIdentities } from './item-identity';
import { child, childText, parseXml, type XmlElement } from './parse-xml';

export type { FeedItem } from './feed-item';

export interface Feed {
  kind: 'rss' | 'atom' | 'json-feed';
  title?: string;
  url?: string;
  items: FeedItem[];
  /** How often the feed says it may be polled (RSS ttl, sy:updatePeriod), in seconds. */
  pollHintSeconds?: number;
}

function httpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** RSS writes authors as "email (Name)": the name is the part in brackets. */
function nameOfAuthor(text: string): string {
  const t = text.trim();
  const open = t.indexOf('(');
  if (open > 0 && t.endsWith(')') && t.slice(0, open).includes('@')) return t.slice(open + 1, -1);
  return t;
}

class ItemBuilder {
  readonly item: FeedItem = { meta: {}, fieldSources: {} };
  constructor(private readonly source: string) {}
  set<K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K] | undefined, from: string): void {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') return;
    if (this.item.meta[key] !== undefined) return;
    this.item.meta[key] = value;
    this.item.fieldSources[key] = `${this.source}:${from}`;
  }
  /** The first of the elements named that holds a date that can be the item's (a placeholder is passed over). */
  setDate(key: 'publishedAt' | 'updatedAt', el: XmlElement, names: string[], now: string | undefined): void {
    for (const name of names) {
      const date = normalizeDate(childText(el, name), now);
      if (date) {
        this.set(key, date, name);
        return;
      }
    }
  }
}

function rssItems(
  channel: XmlElement,
  feedTitle: string | undefined,
  feedUrl: string | undefined,
  now: string | undefined,
): FeedItem[] {
  const items = channel.children.filter((c) => c.name === 'item');
  return items.map((el) => {
    const b = new ItemBuilder('rss');
    const link = httpUrl(childText(el, 'link'), feedUrl);
    const guid = child(el, 'guid');
    const guidUrl = guid && guid.attrs.isPermaLink !== 'false' ? httpUrl(guid.text.trim()) : undefined;
    b.set('title', normalizeLine(childText(el, 'title') ?? '') || undefined, 'title');
    b.set('url', link ?? guidUrl, link ? 'link' : 'guid');
    b.setDate('publishedAt', el, ['pubDate', 'dc:date', 'published'], now);
    b.setDate('updatedAt', el, ['atom:updated', 'dc:modified'], now);
    b.set(
      'byline',
      el.children
        .filter((c) => c.name === 'dc:creator' || c.name === 'author')
        .flatMap((c) => splitAuthors(nameOfAuthor(c.text))),
      'author',
    );
    b.set(
      'tags',
      el.children
        .filter((c) => c.name === 'category')
        .map((c) => normalizeLine(c.text))
        .filter(Boolean),
      'category',
    );
    const enclosure = el.children.find(
      (c) =>
        (c.name === 'enclosure' || c.name === 'media:content' || c.name === 'media:thumbnail') &&
        (!c.attrs.type || c.attrs.type.startsWith('image/') || c.name === 'media:thumbnail'),
    );
    b.set('image', httpUrl(enclosure?.attrs.url), 'enclosure');
    b.set('language', undefined, 'language');
    if (feedTitle) b.set('source', feedUrl ? { name: feedTitle, url: feedUrl } : feedTitle, 'channel');
    const encoded = childText(el, 'content:encoded');
    const description = childText(el, 'description');
    if (encoded) {
      b.item.html = encoded;
      b.set(
        'standfirst',
        description && !/<[a-z]/i.test(description) ? normalizeLine(description) : undefined,
        'description',
      );
    } else if (description) b.item.html = description;
    if (link ?? guidUrl) b.item.link = (link ?? guidUrl)!;
    if (guid?.text.trim()) b.item.guid = guid.text.trim();
    return b.item;
  });
}

function atomItems(
  feed: XmlElement,
  feedTitle: string | undefined,
  feedUrl: string | undefined,
  now: string | undefined,
): FeedItem[] {
  return feed.children
    .filter((c) => c.name === 'entry')
    .map((el) => {
      const b = new ItemBuilder('atom');
      const links = el.children.filter((c) => c.name === 'link');
      const alt = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
      const link = httpUrl(alt?.attrs.href, feedUrl);
      b.set('title', normalizeLine(childText(el, 'title') ?? '') || undefined, 'title');
      b.set('url', link, 'link');
      b.setDate('publishedAt', el, ['published', 'issued', 'created'], now);
      b.setDate('updatedAt', el, ['updated', 'modified'], now);
      if (!b.item.meta.publishedAt) b.set('publishedAt', b.item.meta.updatedAt, 'updated');
      b.set(
        'byline',
        el.children.filter((c) => c.name === 'author').flatMap((a) => splitAuthors(childText(a, 'name'))),
        'author',
      );
      b.set(
        'tags',
        el.children
          .filter((c) => c.name === 'category')
          .map((c) => normalizeLine(c.attrs.label ?? c.attrs.term ?? ''))
          .filter(Boolean),
        'category',
      );
      const lang = el.attrs['xml:lang'] ?? feed.attrs['xml:lang'];
      b.set(
        'language',
        lang && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(lang) ? lang.replace('_', '-') : undefined,
        'xml:lang',
      );
      if (feedTitle) b.set('source', feedUrl ? { name: feedTitle, url: feedUrl } : feedTitle, 'feed');
      const content = child(el, 'content');
      const summary = child(el, 'summary');
      const body = content ?? summary;
      if (body) {
        if (body.attrs.type === 'text') b.item.text = body.text;
        else b.item.html = body.text;
      }
      if (content && summary) b.set('standfirst', normalizeLine(summary.text) || undefined, 'summary');
      if (link) b.item.link = link;
      const id = childText(el, 'id')?.trim();
      if (id) b.item.guid = id;
      return b.item;
    });
}

function jsonFeedItems(
  data: Record<string, unknown>,
  feedTitle: string | undefined,
  feedUrl: string | undefined,
  now: string | undefined,
): FeedItem[] {
  const items = Array.isArray(data.items) ? data.items : [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const authorsOf = (v: unknown) =>
    Array.isArray(v)
      ? v.flatMap((a) => splitAuthors(str((a as { name?: unknown })?.name)))
      : v && typeof v === 'object'
        ? splitAuthors(str((v as { name?: unknown }).name))
        : [];
  return items
    .filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object')
    .map((it) => {
      const b = new ItemBuilder('json-feed');
      const link = httpUrl(str(it.url) ?? str(it.external_url), feedUrl);
      b.set('title', normalizeLine(str(it.title) ?? '') || undefined, 'title');
      b.set('url', link, 'url');
      b.set('publishedAt', normalizeDate(str(it.date_published), now), 'date_published');
      b.set('updatedAt', normalizeDate(str(it.date_modified), now), 'date_modified');
      const authors = authorsOf(it.authors);
      b.set('byline', authors.length ? authors : authorsOf(it.author), 'authors');
      b.set(
        'tags',
        Array.isArray(it.tags)
          ? it.tags
              .filter((t): t is string => typeof t === 'string')
              .map(normalizeLine)
              .filter(Boolean)
          : undefined,
        'tags',
      );
      b.set('image', httpUrl(str(it.image) ?? str(it.banner_image)), 'image');
      b.set('standfirst', str(it.summary), 'summary');
      const lang = str(it.language) ?? str(data.language);
      b.set('language', lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : undefined, 'language');
      if (feedTitle) b.set('source', feedUrl ? { name: feedTitle, url: feedUrl } : feedTitle, 'feed');
      const html = str(it.content_html);
      const text = str(it.content_text);
      if (html) b.item.html = html;
      else if (text) b.item.text = text;
      if (link) b.item.link = link;
      const id = str(it.id) ?? (typeof it.id === 'number' ? String(it.id) : undefined);
      if (id) b.item.guid = id;
      return b.item;
    });
}

/**
 * Reads an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document into its items, each with its identity. `now`
 * (when the feed was fetched or ingested, ISO 8601) bounds item dates; placeholders (before 1800, the
 * epoch) are refused always.
 */
export function readFeed(content: string, where = 'feed', now?: string): Feed {
  const feed = readFeedItems(content, where, now);
  assignItemIdentities(feed.items, feed.url ?? feed.title ?? '');
  return feed;
}

function readFeedItems(content: string, where: string, now: string | undefined): Feed {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(trimmed) as Record<string, unknown>;
    } catch (error) {
      throw new GazetteError('INVALID_FEED', `The ${where} is not valid JSON: ${(error as Error).message}.`, {
        where,
      });
    }
    if (typeof data.version !== 'string' || !data.version.startsWith('https://jsonfeed.org/version/'))
      throw new GazetteError(
        'INVALID_FEED',
        `The ${where} is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1").`,
        { where },
      );
    const title = typeof data.title === 'string' ? normalizeLine(data.title) || undefined : undefined;
    const url = httpUrl(typeof data.home_page_url === 'string' ? data.home_page_url : undefined);
    return {
      kind: 'json-feed',
      ...(title ? { title } : {}),
      ...(url ? { url } : {}),
      items: jsonFeedItems(data, title, url, now),
    };
  }
  const root = parseXml(trimmed, where);
  if (root.name === 'rss' || root.name === 'rdf:RDF') {
    const channel = child(root, 'channel');
    if (!channel)
      throw new GazetteError('INVALID_FEED', `The ${where} is RSS without a <channel>.`, { where });
    const title = normalizeLine(childText(channel, 'title') ?? '') || undefined;
    const url = httpUrl(childText(channel, 'link'));
    // RSS 1.0 (RDF) puts items beside the channel.
    const holder = root.name === 'rdf:RDF' ? root : channel;
    const language = childText(channel, 'language', 'dc:language');
    const items = rssItems(holder, title, url, now);
    if (language && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(language))
      for (const item of items)
        if (!item.meta.language) {
          item.meta.language = language.replace('_', '-');
          item.fieldSources.language = 'rss:channel-language';
        }
    const hint = feedPollHintSeconds(channel);
    return {
      kind: 'rss',
      ...(title ? { title } : {}),
      ...(url ? { url } : {}),
      items,
      ...(hint ? { pollHintSeconds: hint } : {}),
    };
  }
  if (root.name === 'feed') {
    const title = normalizeLine(childText(root, 'title') ?? '') || undefined;
    const links = root.children.filter((c) => c.name === 'link');
    const url = httpUrl(
      (links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0])?.attrs.href,
    );
    const hint = feedPollHintSeconds(root);
    return {
      kind: 'atom',
      ...(title ? { title } : {}),
      ...(url ? { url } : {}),
      items: atomItems(root, title, url, now),
      ...(hint ? { pollHintSeconds: hint } : {}),
    };
  }
  throw new GazetteError(
    'INVALID_FEED',
    `The ${where} is XML with root <${root.name}>, not an RSS or Atom feed.`,
    { where },
  );
}
