import type { FeedOptions } from '@gazette/core/query';

/**
 * The links a feed carries, made from the configured public base URL (GAZETTE_PUBLIC_URL) or, without one,
 * relative to the server. Never from the request's Host header or absolute-form URL: a feed is cached (by
 * this app and by shared caches), so a link taken from one request would be served to everyone.
 */
export type FeedLinks = Pick<FeedOptions, 'selfUrl' | 'feedId' | 'articleLink' | 'articleLinkType'>;

/** Links for the feed at `path` (starting with `/`) over `query`, in the order given. */
export function feedLinks(
  publicUrl: string | undefined,
  path: string,
  query: Record<string, string | number | undefined>,
): FeedLinks {
  const base = withoutTrailingSlashes(publicUrl ?? '');
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, String(v));
  const target = search.size ? `${path}?${search}` : path;
  return {
    selfUrl: `${base}${target}`,
    feedId: base ? `${base}${target}` : `urn:gazette:feed:${encodeURIComponent(target)}`,
    // The API has no HTML page: an article without a URL of its own links to its JSON, and says so.
    articleLink: (a) => `${base}/v1/articles/${encodeURIComponent(a.id)}`,
    articleLinkType: 'application/json',
  };
}

/** "https://x.test/news//" is "https://x.test/news" (a loop: /\/+$/ backtracks polynomially). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
