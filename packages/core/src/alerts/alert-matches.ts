import { createCorpus } from '../corpus/create-corpus';
import type { Alert } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';

/** New matches per alert: an alert's query at most this many new articles at once (a batch is bounded too). */
const MAX_MATCHES = 100;

/**
 * Which of the articles just stored each alert matches: its query run over those articles alone, with
 * typos off (a saved search must not fire on a near-spelling of its word that only the batch lacks).
 * Alerts whose query matches nothing are left out.
 */
export function alertMatches(alerts: readonly Alert[], articles: readonly Article[]): Map<string, Article[]> {
  const out = new Map<string, Article[]>();
  if (alerts.length === 0 || articles.length === 0) return out;
  const corpus = createCorpus(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const alert of alerts) {
    const { hits } = corpus.search({ q: alert.query, typos: 'off', sort: 'newest', limit: MAX_MATCHES });
    if (hits.length)
      out.set(
        alert.id,
        hits.map((h) => byId.get(h.id)!),
      );
  }
  return out;
}
