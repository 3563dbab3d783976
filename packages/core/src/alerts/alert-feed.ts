import type { Corpus } from '../corpus/components/corpus-types';
import type { Alert } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';

/** Entries of an alert's feed: its newest matches. */
export const ALERT_FEED_ENTRIES = 50;

/**
 * The articles of an alert's feed: the newest the corpus holds that its query matches, read as the alert
 * reads new articles (typos off), at most `limit`. A feed reader keeps what it saw, so the feed needs only the
 * latest; it includes matches stored before the alert was made, so a new alert's feed is not empty.
 */
export function alertFeedArticles(
  corpus: Corpus,
  alert: Pick<Alert, 'query'>,
  limit = ALERT_FEED_ENTRIES,
): Article[] {
  const { hits } = corpus.search({ q: alert.query, typos: 'off', sort: 'newest', limit });
  return hits.map((h) => corpus.get(h.id)).filter((a): a is Article => a !== undefined);
}
