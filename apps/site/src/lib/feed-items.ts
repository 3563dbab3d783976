import type { ArticleSummary } from '@gazette/core';
import { siteCorpus } from './site-corpus';

export const FEED_SIZE = 50;

/** The newest articles for the feeds. Feeds need a date, so an undated article is dated by the build. */
export function feedItems(): ArticleSummary[] {
  return siteCorpus().list({ limit: FEED_SIZE }).items;
}
