import { createHmac } from 'node:crypto';
import { alertMatches } from '../alerts/alert-matches';
import type { AlertDelivery } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';
import type { ArticleStore } from '../store/store-types';
import { USER_AGENT } from './fetch-url';

/** Attempts before a delivery is given up (about 4 h of waiting in all). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3_600;

/**
 * Queues a webhook delivery per alert (with a webhook) that the articles just stored match; returns how
 * many were queued. Queued in the store, so a crash before sending loses none: sent by `deliverAlerts`.
 */
export function queueAlertMatches(
  store: ArticleStore,
  stored: Iterable<{ id: string; version: number }>,
  now: string,
  newId: () => string = () => globalThis.crypto.randomUUID(),
): number {
  const alerts = store.alerts.list().filter((a) => a.webhook);
  if (alerts.length === 0) return 0;
  const versions = new Map<string, number>();
  for (const { id, version } of stored) versions.set(id, Math.max(version, versions.get(id) ?? 0));
  const articles = [...versions.keys()].map((id) => store.get(id)).filter((a): a is Article => !!a);
  let queued = 0;
  for (const [alertId, matched] of alertMatches(alerts, articles)) {
    const alert = alerts.find((a) => a.id === alertId)!;
    const deliveryId = newId();
    const body: AlertDelivery = {
      deliveryId,
      alert: { id: alert.id, query: alert.query },
      matchedAt: now,
      articles: matched.map((a) => ({
        id: a.id,
        version: versions.get(a.id)!,
        title: a.title,
        ...(a.url ? { url: a.url } : {}),
        ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      })),
    };
    store.alerts.enqueue({
      id: deliveryId,
      alertId,
      body: JSON.stringify(body),
      attempts: 0,
      nextAt: now,
      gaveUp: false,
    });
    queued++;
  }
  return queued;
}

/** The signature header of a body: `sha256=` and the hex HMAC-SHA256 under the alert's secret. */
export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface DeliveryReport {
  sent: number;
  failed: number;
  gaveUp: number;
}

export interface DeliverOptions {
  clock?: () => string;
  random?: () => number;
  /** Per POST (default 10 s). */
  timeoutMs?: number;
  /** Deliveries sent in one call at most (default 100). */
  limit?: number;
}

/**
 * Sends the deliveries that are due: one POST each, signed, with the delivery id as Idempotency-Key (the
 * same on every retry, so a receiver can drop a repeat: delivery is at least once). A 2xx settles it;
 * anything else is tried again later, doubling the wait (with jitter) up to MAX_DELIVERY_ATTEMPTS.
 */
export async function deliverAlerts(
  store: ArticleStore,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const clock = options.clock ?? (() => new Date().toISOString());
  const random = options.random ?? Math.random;
  const report: DeliveryReport = { sent: 0, failed: 0, gaveUp: 0 };
  for (const d of store.alerts.due(clock(), options.limit ?? 100)) {
    const alert = store.alerts.get(d.alertId);
    if (!alert?.webhook) continue;
    let error: string | undefined;
    try {
      const res = await fetch(alert.webhook, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'idempotency-key': d.id,
          'gazette-signature': signBody(alert.secret, d.body),
        },
        body: d.body,
      });
      await res.body?.cancel();
      if (!res.ok) error = `the webhook answered HTTP ${res.status}`;
    } catch (e) {
      error = `the webhook could not be reached (${(e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message})`;
    }
    if (!error) {
      store.alerts.settle(d.id, { delivered: true });
      report.sent++;
      continue;
    }
    const attempts = d.attempts + 1;
    const gaveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
    const wait =
      Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (attempts - 1)) * (0.5 + random() / 2);
    const nextAt = new Date(Date.parse(clock()) + wait * 1000).toISOString();
    store.alerts.settle(d.id, { delivered: false, attempts, nextAt, lastError: error, gaveUp });
    report.failed++;
    if (gaveUp) report.gaveUp++;
  }
  return report;
}
