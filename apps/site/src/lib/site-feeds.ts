import type { Article } from '@gazette/core';
import { type FeedOptions, feedArticles } from '@gazette/core/query';
import { siteCorpus } from './site-corpus';
import { articlePath } from './site-paths';

export const FEED_SIZE = 50;

// The build's clock, read once: the time this build published the feeds, which dates an entry whose
// article has no date at all (no store, so no first-seen time). The core has no clock of its own.
const BUILT_AT = new Date().toISOString();

/** The newest articles for the feeds (the core's feed list). */
export const siteFeedArticles = (): Article[] => feedArticles(siteCorpus(), { limit: FEED_SIZE });

/** The site's links for a feed at `path`: an article without a URL of its own links to its page here. */
export function siteFeedOptions(site: URL | undefined, path: string): FeedOptions {
  const abs = (p: string) => new URL(p, site).href;
  return {
    title: 'Gazette',
    selfUrl: abs(path),
    feedId: abs('/'),
    homeUrl: abs('/'),
    articleLink: (a) => abs(articlePath(a.slug)),
    now: BUILT_AT,
  };
}
