import { GazetteError, isGazetteError } from '../errors/gazette-error';
import type { FollowedSource } from '../follow/followed-source-schema';
import { initialState } from '../follow/poll-schedule';
import { sourceId } from '../follow/source-id';
import { readFeed } from '../formats/feed/read-feed';
import { findFeedLinks } from '../formats/html/feed-links';
import { detectFormat } from '../input/detect-format';
import type { AsyncArticleStore } from '../store/async-store-types';
import { type Fetched, type FetchOptions, fetchUrl } from './fetch-url';
import { isUrl } from './list-inputs';

export interface FollowOptions {
  /** Fetch each new item's page and extract it (robots.txt obeyed). */
  full?: boolean;
  /** Poll at this interval (seconds) instead of the one learnt from the feed. */
  everySeconds?: number;
  /** When the sources are followed (ISO 8601; default: now). */
  now?: string;
  fetch?: FetchOptions;
}

/** One URL given to `follow`: the source it became, or why it could not be followed. */
export interface FollowResult {
  input: string;
  source?: FollowedSource;
  /** false when the feed was already followed (its options were updated). */
  added?: boolean;
  error?: string;
}

const isFeed = (f: Fetched) =>
  /(?:rss|atom|rdf)\+xml|feed\+json/.test(f.contentType) ||
  detectFormat(f.content, new URL(f.url).pathname) === 'feed';

/** The feed a URL names: the URL itself when it is a feed, else the first feed its page links to. */
async function resolveFeed(
  input: string,
  options: FollowOptions,
): Promise<{ url: string; pageUrl?: string; title?: string }> {
  const fetched = await fetchUrl(input, options.fetch);
  if (isFeed(fetched)) {
    const feed = readFeed(fetched.content, input, options.now);
    return { url: input, ...(feed.title ? { title: feed.title } : {}) };
  }
  const [link] = findFeedLinks(fetched.content, fetched.url);
  if (!link)
    throw new GazetteError(
      'INVALID_FEED',
      `${input} is neither a feed (RSS, Atom, JSON Feed) nor a page that names one with <link rel="alternate" type="application/rss+xml" href="…">.`,
      { where: input },
    );
  const feed = readFeed((await fetchUrl(link.url, options.fetch)).content, link.url, options.now);
  const title = feed.title ?? link.title;
  return { url: link.url, pageUrl: input, ...(title ? { title } : {}) };
}

/**
 * Follows feeds (or pages that name one): each is fetched once to check it is a feed, then kept in the
 * store, due at once; `watch` polls it from then on. A URL that fails is reported, the others followed.
 */
export async function followSources(
  store: AsyncArticleStore,
  inputs: readonly string[],
  options: FollowOptions = {},
): Promise<FollowResult[]> {
  const now = options.now ?? new Date().toISOString();
  const results: FollowResult[] = [];
  for (const input of inputs) {
    try {
      if (!isUrl(input))
        throw new GazetteError(
          'INVALID_PARAMS',
          `${input} is not an http(s) URL: only feeds on the web are followed.`,
          {
            where: input,
          },
        );
      const feed = await resolveFeed(input, { ...options, now });
      const { source, added } = await store.sources.follow({
        id: sourceId(feed.url),
        url: feed.url,
        ...(feed.pageUrl ? { pageUrl: feed.pageUrl } : {}),
        ...(feed.title ? { title: feed.title } : {}),
        full: options.full ?? false,
        ...(options.everySeconds ? { everySeconds: options.everySeconds } : {}),
        addedAt: now,
        state: initialState(now),
      });
      results.push({ input, source, added });
    } catch (error) {
      if (isGazetteError(error) && error.code === 'STORE_ERROR') throw error;
      results.push({ input, error: isGazetteError(error) ? error.message : String(error) });
    }
  }
  return results;
}
