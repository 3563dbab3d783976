import { createCorpus } from '../corpus/create-corpus';
import type { Alert } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';

/** Articles matched at once: a batch of new matches never holds more, so none is left out of it. */
export const ALERT_BATCH = 100;

/**
 * Which of the articles just stored (at most ALERT_BATCH) each alert matches: its query run over those articles alone, with
 * typos off (a saved search must not fire on a near-spelling of its word that only the batch lacks).
 * Alerts whose query matches nothing are left out.
 */
export function alertMatches(alerts: readonly Alert[], articles: readonly Article[]): Map<string, Article[]> {
  const out = new Map<string, Article[]>();
  if (alerts.length === 0 || articles.length === 0) return out;
  if (articles.length > ALERT_BATCH)
    throw new RangeError(
      `alertMatches takes at most ${ALERT_BATCH} articles at once; got ${articles.length}.`,
    );
  const corpus = createCorpus(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const alert of alerts) {
    const { hits } = corpus.search({ q: alert.query, typos: 'off', sort: 'newest', limit: ALERT_BATCH });
    if (hits.length)
      out.set(
        alert.id,
        hits.map((h) => byId.get(h.id)!),
      );
  }
  return out;
}
