/** A feed a page names in its head: `<link rel="alternate" type="application/rss+xml" href=…>`. */
export interface FeedLink {
  url: string;
  type: 'rss' | 'atom' | 'json-feed';
  title?: string;
}

const FEED_TYPES: Record<string, FeedLink['type']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
  'application/json': 'json-feed',
};

/** Feed links sit in the head: only so much of a page is read for them. */
const HEAD_CHARS = 1_000_000;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
    attrs.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').trim());
  return attrs;
}

/**
 * The feeds a page names, in page order, resolved against the page's URL (or its `<base href>`); only
 * http(s) links. A `rel` that lists `alternate` among others counts; a JSON link counts only with a
 * feed-like title or path, since plain JSON alternates are often APIs (oEmbed, JSON:API).
 */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const head = html.slice(0, HEAD_CHARS);
  const base = /<base\b[^<>]*>/i.exec(head);
  const baseHref = base ? attributes(base[0]).get('href') : undefined;
  let root: URL;
  try {
    root = new URL(baseHref ?? pageUrl, pageUrl);
  } catch {
    root = new URL(pageUrl);
  }
  const out: FeedLink[] = [];
  for (const m of head.matchAll(/<link\b[^<>]*>/gi)) {
    const a = attributes(m[0]);
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = FEED_TYPES[(a.get('type') ?? '').toLowerCase().split(';')[0]!.trim()];
    const href = a.get('href');
    if (!rel.includes('alternate') || !type || !href) continue;
    const title = a.get('title');
    if (a.get('type')?.toLowerCase().startsWith('application/json') && !/feed/i.test(`${title} ${href}`))
      continue;
    let url: URL;
    try {
      url = new URL(href, root);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (out.some((l) => l.url === url.href)) continue;
    out.push({ url: url.href, type, ...(title ? { title } : {}) });
  }
  return out;
}
