import { sha256Hex } from './sha256-hex';

/** Canonical form of a URL for identity: no fragment, no tracking parameters, lower-case host. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_)/i.test(key)) u.searchParams.delete(key);
    }
    u.hostname = u.hostname.toLowerCase();
    return u.toString();
  } catch {
    return url.trim();
  }
}

/**
 * Stable id: the same input always gives the same id. From the `identity` its source gave when the URL
 * is not the article's own (a feed item sharing its link with other items: its guid), else from the
 * canonical URL when there is one (the same story re-fetched keeps its id), else from the content hash.
 */
export function articleId(input: {
  url?: string | undefined;
  identity?: string | undefined;
  contentHash: string;
}): string {
  const basis = input.identity
    ? `item:${input.identity}`
    : input.url
      ? `url:${canonicalUrl(input.url)}`
      : `content:${input.contentHash}`;
  return `a_${sha256Hex(basis).slice(0, 16)}`;
}
