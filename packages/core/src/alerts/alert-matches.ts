import type { Alert } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';
import { ALERT_BATCH, newMatches } from './new-matches';

export { ALERT_BATCH };

/**
 * Which of the articles just stored (at most ALERT_BATCH) each alert matches: its query run over those
 * articles alone, with typos off (see newMatches). Alerts whose query matches nothing are left out.
 */
export function alertMatches(alerts: readonly Alert[], articles: readonly Article[]): Map<string, Article[]> {
  const out = new Map<string, Article[]>();
  if (alerts.length === 0 || articles.length === 0) return out;
  if (articles.length > ALERT_BATCH)
    throw new RangeError(
      `alertMatches takes at most ${ALERT_BATCH} articles at once; got ${articles.length}.`,
    );
  const match = newMatches(articles);
  for (const alert of alerts) {
    const hits = match({ q: alert.query });
    if (hits.length) out.set(alert.id, hits);
  }
  return out;
}
