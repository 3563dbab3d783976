import { createHmac } from 'node:crypto';
import { ALERT_BATCH, alertMatches } from '../alerts/alert-matches';
import type { Alert, AlertDelivery, PendingDelivery } from '../follow/alert-schema';
import type { Article } from '../model/article-schema';
import type { AsyncArticleStore } from '../store/async-store-types';
import { USER_AGENT } from './fetch-url';

/** Attempts before a delivery is given up (about 4 h of waiting in all). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3_600;

/** Tries at matching what is new before giving way to other writers matching at the same time. */
const MATCH_TRIES = 3;

/**
 * The newest version of each article changed after `from` in the store's change log, and the log's last seq.
 * Read a page at a time; what a writer stores is in the log with its commit (triggers), so what a writer
 * killed before it matched stored is found here by the next one.
 */
async function changedSince(
  store: AsyncArticleStore,
  from: number,
): Promise<{ versions: Map<string, number>; through: number }> {
  const versions = new Map<string, number>();
  let through = from;
  for (;;) {
    const page = await store.changes(through);
    if (page.changes.length === 0) return { versions, through };
    for (const c of page.changes) versions.set(c.id, Math.max(c.version, versions.get(c.id) ?? 0));
    through = page.last;
  }
}

/** The deliveries for these articles: one per alert (with a webhook) and per batch of at most ALERT_BATCH it matches. */
async function deliveriesFor(
  store: AsyncArticleStore,
  alerts: readonly Alert[],
  versions: ReadonlyMap<string, number>,
  now: string,
  newId: () => string,
): Promise<PendingDelivery[]> {
  const ids = [...versions.keys()];
  const out: PendingDelivery[] = [];
  for (let i = 0; i < ids.length; i += ALERT_BATCH) {
    const articles = await store.getMany(ids.slice(i, i + ALERT_BATCH));
    for (const [alertId, matched] of alertMatches(alerts, articles)) {
      const id = newId();
      const alert = alerts.find((a) => a.id === alertId)!;
      const body = deliveryBody(id, alert, matched, versions, now);
      out.push({ id, alertId, body, attempts: 0, nextAt: now, gaveUp: false });
    }
  }
  return out;
}

/**
 * Queues a webhook delivery per alert (with a webhook) and per batch of at most ALERT_BATCH articles it
 * matches among those stored since the alerts were last matched (the store's change log, after
 * `alerts.matchedThrough()`), and returns how many were queued. The deliveries and the new mark are
 * committed together, so a writer killed after storing articles and before matching them loses none: the
 * next writer matches them. `stored` counts only in a store that never marked where matching got to.
 */
export async function queueAlertMatches(
  store: AsyncArticleStore,
  stored: Iterable<{ id: string; version: number }>,
  now: string,
  newId: () => string = () => globalThis.crypto.randomUUID(),
): Promise<number> {
  const all = await store.alerts.list();
  if (all.length === 0) return 0;
  const alerts = all.filter((a) => a.webhook);
  for (let tries = 0; tries < MATCH_TRIES; tries++) {
    const from = await store.alerts.matchedThrough();
    const { versions, through } = await changedSince(store, from ?? 0);
    if (from === undefined) {
      versions.clear();
      for (const { id, version } of stored) versions.set(id, Math.max(version, versions.get(id) ?? 0));
    }
    const queued = alerts.length ? await deliveriesFor(store, alerts, versions, now, newId) : [];
    if (await store.alerts.queueMatched(queued, from, through)) return queued.length;
  }
  return 0;
}

function deliveryBody(
  deliveryId: string,
  alert: Alert,
  matched: readonly Article[],
  versions: ReadonlyMap<string, number>,
  now: string,
): string {
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
  return JSON.stringify(body);
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
  /** The whole call, in ms (default 30 s): what is not sent by then stays due, uncharged. */
  deadlineMs?: number;
}

type Due = Awaited<ReturnType<AsyncArticleStore['alerts']['due']>>[number];

/** POSTs one delivery; why it failed, or undefined when the webhook took it (2xx). */
async function post(
  alert: Alert & { webhook: string },
  d: Due,
  timeoutMs: number,
): Promise<string | undefined> {
  try {
    const res = await fetch(alert.webhook, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'idempotency-key': d.id,
        'gazette-signature': signBody(alert.secret, d.body),
      },
      body: d.body,
    });
    await res.body?.cancel();
    return res.ok ? undefined : `the webhook answered HTTP ${res.status}`;
  } catch (e) {
    const cause = (e as Error & { cause?: { code?: string } }).cause?.code;
    return `the webhook could not be reached (${cause ?? (e as Error).message})`;
  }
}

/**
 * Sends the deliveries that are due: one POST each, signed, with the delivery id as Idempotency-Key (the
 * same on every retry, so a receiver can drop a repeat: delivery is at least once). A 2xx settles it;
 * anything else is tried again later, doubling the wait (with jitter) up to MAX_DELIVERY_ATTEMPTS. Bounded
 * in time: once an alert's webhook fails, its other deliveries wait for the next call (a dead endpoint
 * costs one timeout, not one per batch), and nothing starts past the deadline.
 */
export async function deliverAlerts(
  store: AsyncArticleStore,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const clock = options.clock ?? (() => new Date().toISOString());
  const random = options.random ?? Math.random;
  const deadline = Date.now() + (options.deadlineMs ?? 30_000);
  const report: DeliveryReport = { sent: 0, failed: 0, gaveUp: 0 };
  const failing = new Set<string>();
  for (const d of await store.alerts.due(clock(), options.limit ?? 100)) {
    const alert = await store.alerts.get(d.alertId);
    const left = deadline - Date.now();
    if (!alert?.webhook || failing.has(alert.id) || left <= 0) continue;
    const error = await post(
      { ...alert, webhook: alert.webhook },
      d,
      Math.min(options.timeoutMs ?? 10_000, left),
    );
    if (!error) {
      await store.alerts.settle(d.id, { delivered: true });
      report.sent++;
      continue;
    }
    failing.add(alert.id);
    const attempts = d.attempts + 1;
    const gaveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
    const wait =
      Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (attempts - 1)) * (0.5 + random() / 2);
    const nextAt = new Date(Date.parse(clock()) + wait * 1000).toISOString();
    await store.alerts.settle(d.id, { delivered: false, attempts, nextAt, lastError: error, gaveUp });
    report.failed++;
    if (gaveUp) report.gaveUp++;
  }
  return report;
}

/**
 * Alerts hear of what a writer stored (watch, ingest): its matches are queued, then every due delivery
 * is sent. One owner for both writers.
 */
export async function notifyAlerts(
  store: AsyncArticleStore,
  stored: Iterable<{ id: string; version: number }>,
  options: DeliverOptions & { now: string },
): Promise<{ queued: number } & DeliveryReport> {
  const queued = await queueAlertMatches(store, stored, options.now);
  if (queued === 0 && (await store.alerts.due(options.now, 1)).length === 0)
    return { queued, sent: 0, failed: 0, gaveUp: 0 };
  return { queued, ...(await deliverAlerts(store, options)) };
}
