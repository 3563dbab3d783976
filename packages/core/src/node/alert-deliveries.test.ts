import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { otherArticle, storyArticle } from '../../test-support/store-contract';
import type { AlertDelivery } from '../follow/alert-schema';
import { createMemoryStore } from '../store/memory-store';
import type { ArticleStore } from '../store/store-types';
import { deliverAlerts, MAX_DELIVERY_ATTEMPTS, notifyAlerts, queueAlertMatches } from './alert-deliveries';
import { asyncOf } from '../../test-support/async-of';

/** A webhook receiver on loopback: answers `status` (in turn), keeps what it was sent. */
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let statuses: number[] = [];
let server: Server;
let hook = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  received.length = 0;
  statuses = [];
});

const T0 = '2026-03-04T10:00:00.000Z';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString();

function storeWithAlert() {
  const store = createMemoryStore();
  store.alerts.add({ id: 'harbour', query: 'harbour', webhook: hook, secret: 'sekret', createdAt: T0 });
  store.alerts.add({ id: 'quiet', query: 'harbour', secret: 'x', createdAt: T0 });
  store.alerts.add({ id: 'volcano', query: 'volcano', webhook: hook, secret: 'x', createdAt: T0 });
  const stored = [storyArticle('https://example.com/bridge'), otherArticle('https://example.com/o', 1)].map(
    (a) => store.put(a),
  );
  return { store, stored };
}

/** A new version of the harbour story (a new match for the harbour alert), as a later writer stores it. */
const harbourUpdate = (store: ArticleStore, n: number) =>
  store.put(
    storyArticle('https://example.com/bridge', [
      `Update ${n} on the harbour bridge: the council met the engineers again, and the bridge stays closed to cars while the supports are repaired.`,
    ]),
  );

describe('alert deliveries', () => {
  it('POSTs one signed batch per matching alert with a webhook, with its delivery id as Idempotency-Key', async () => {
    const { store, stored } = storeWithAlert();
    expect(await queueAlertMatches(asyncOf(store), stored, T0)).toBe(1);
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0 })).toEqual({
      sent: 1,
      failed: 0,
      gaveUp: 0,
    });
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    const sent = JSON.parse(body) as AlertDelivery;
    expect(sent.alert).toEqual({ id: 'harbour', query: 'harbour' });
    expect(sent.articles.map((a) => [a.id, a.version])).toEqual([[stored[0]!.id, 1]]);
    expect(headers['idempotency-key']).toBe(sent.deliveryId);
    expect(headers['gazette-signature']).toBe(
      `sha256=${createHmac('sha256', 'sekret').update(body).digest('hex')}`,
    );
    expect(store.alerts.pending()).toEqual([]);
  });

  it('tries a failed delivery again later with the same body and key, and gives up after the last attempt', async () => {
    const { store, stored } = storeWithAlert();
    await queueAlertMatches(asyncOf(store), stored, T0);
    statuses = [500];
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0, random: () => 0.5 })).toMatchObject({
      sent: 0,
      failed: 1,
    });
    const [waiting] = store.alerts.pending();
    expect(waiting).toMatchObject({ attempts: 1, lastError: 'the webhook answered HTTP 500', gaveUp: false });
    expect(Date.parse(waiting!.nextAt)).toBeGreaterThan(Date.parse(T0));
    // Not due yet: nothing is sent.
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0 })).toMatchObject({ sent: 0, failed: 0 });
    expect(await deliverAlerts(asyncOf(store), { clock: () => at(3600) })).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(received[1]!.headers['idempotency-key']).toBe(received[0]!.headers['idempotency-key']);

    expect(harbourUpdate(store, 1).status).toBe('updated');
    expect(await queueAlertMatches(asyncOf(store), [], T0)).toBe(1);
    statuses = Array(MAX_DELIVERY_ATTEMPTS).fill(503);
    let gaveUp = 0;
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++)
      gaveUp += (await deliverAlerts(asyncOf(store), { clock: () => at(86_400 * (i + 1)) })).gaveUp;
    expect(gaveUp).toBe(1);
    expect(store.alerts.pending()).toMatchObject([{ gaveUp: true, attempts: MAX_DELIVERY_ATTEMPTS }]);
    expect(await deliverAlerts(asyncOf(store), { clock: () => at(86_400 * 30) })).toMatchObject({
      sent: 0,
      failed: 0,
    });
  });

  it('keeps a delivery to an unreachable webhook, saying why', async () => {
    const store = createMemoryStore();
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    store.alerts.add({
      id: 'a',
      query: 'harbour',
      webhook: `http://127.0.0.1:${port}/hook`,
      secret: 's',
      createdAt: T0,
    });
    await queueAlertMatches(asyncOf(store), [store.put(storyArticle('https://example.com/b'))], T0);
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0 })).toMatchObject({ failed: 1 });
    expect(store.alerts.pending()[0]!.lastError).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });

  it('puts every match of a large ingest in a batch: batches of at most 100 articles, none left out', async () => {
    const store = createMemoryStore();
    store.alerts.add({ id: 'all', query: 'report', webhook: hook, secret: 's', createdAt: T0 });
    const stored = Array.from({ length: 250 }, (_, n) =>
      store.put(otherArticle(`https://example.com/many/${n}`, n)),
    );
    const distinct = stored.filter((r) => r.status === 'added');
    expect(distinct.length).toBeGreaterThan(200);
    expect(await queueAlertMatches(asyncOf(store), distinct, T0)).toBe(Math.ceil(distinct.length / 100));
    const bodies = store.alerts.pending().map((d) => JSON.parse(d.body) as AlertDelivery);
    expect(Math.max(...bodies.map((b) => b.articles.length))).toBeLessThanOrEqual(100);
    expect(new Set(bodies.flatMap((b) => b.articles.map((a) => a.id))).size).toBe(distinct.length);
  });

  it('charges a failing webhook once a call (its other batches wait), and starts nothing past the deadline', async () => {
    const { store } = storeWithAlert();
    for (let i = 0; i < 3; i++) {
      if (i > 0) harbourUpdate(store, i);
      expect(await queueAlertMatches(asyncOf(store), [], T0)).toBe(1);
    }
    statuses = [500, 500, 500];
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0 })).toMatchObject({ sent: 0, failed: 1 });
    expect(received).toHaveLength(1);
    expect(store.alerts.pending().map((d) => d.attempts)).toEqual([1, 0, 0]);
    expect(await deliverAlerts(asyncOf(store), { clock: () => T0, deadlineMs: 0 })).toEqual({
      sent: 0,
      failed: 0,
      gaveUp: 0,
    });
    expect(received).toHaveLength(1);
  });

  it('notifies alerts of what a writer stored: queued, then sent', async () => {
    const { store, stored } = storeWithAlert();
    expect(await notifyAlerts(asyncOf(store), stored, { now: T0 })).toEqual({
      queued: 1,
      sent: 1,
      failed: 0,
      gaveUp: 0,
    });
    expect(await notifyAlerts(asyncOf(store), [], { now: T0 })).toEqual({
      queued: 0,
      sent: 0,
      failed: 0,
      gaveUp: 0,
    });
  });

  it('matches what a writer killed before matching stored: the next writer queues it, once', async () => {
    const { store, stored } = storeWithAlert();
    // The writer that stored `stored` died before it matched them: the next one, having stored nothing, queues them.
    expect(await queueAlertMatches(asyncOf(store), [], T0)).toBe(1);
    const [queued] = store.alerts.pending().map((d) => JSON.parse(d.body) as AlertDelivery);
    expect(queued!.articles.map((a) => a.id)).toEqual([stored[0]!.id]);
    // Matched through the log's head: neither a repeat of the same stored list nor another writer queues it again.
    expect(await queueAlertMatches(asyncOf(store), stored, T0)).toBe(0);
    expect(store.alerts.pending()).toHaveLength(1);
  });

  it('queues nothing when another writer matched the same changes meanwhile, and an alert starts at its adding', async () => {
    const { store } = storeWithAlert();
    const from = store.alerts.matchedThrough();
    expect(from).toBe(0);
    expect(store.alerts.queueMatched([], from, 2)).toBe(true);
    expect(store.alerts.queueMatched([], from, 2)).toBe(false);
    store.alerts.remove('harbour');
    store.alerts.remove('quiet');
    store.alerts.remove('volcano');
    harbourUpdate(store, 1);
    // Added when no alert is left: it hears only of what is stored after it, not of the update before.
    store.alerts.add({ id: 'late', query: 'harbour', webhook: hook, secret: 's', createdAt: T0 });
    expect(await queueAlertMatches(asyncOf(store), [], T0)).toBe(0);
    harbourUpdate(store, 2);
    expect(await queueAlertMatches(asyncOf(store), [], T0)).toBe(1);
  });
});
