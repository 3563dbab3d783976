import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store';
import type { ArticleStore } from '../store/store-types';
import { followSources } from './follow-sources';
import { createPoller } from './poll-sources';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

/** A local news site: feeds with ETags, a page naming its feed, robots.txt, article pages; it counts what it is asked. */
class NewsSite {
  items: Array<{ n: number; path: string }> = [];
  broken = false;
  /** The feed's ttl and Cache-Control (scheduling hints). */
  hints = true;
  requests: string[] = [];
  conditional = 0;
  notModified = 0;
  active = 0;
  maxActive = 0;
  delayMs = 0;
  server: Server = createServer((req, res) => void this.answer(req, res));
  base = '';

  rss(): string {
    const items = this.items
      .map(
        ({ n, path }) =>
          `<item><title>Story number ${n} about the harbour</title><link>${this.base}${path}</link><guid>story-${n}</guid><description>Feed text of story ${n}: the council met on the harbour plan and voted.</description></item>`,
      )
      .join('');
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>${this.base}/</link>${this.hints ? '<ttl>5</ttl>' : ''}${items}</channel></rss>`;
  }

  async answer(req: IncomingMessage, res: ServerResponse) {
    this.requests.push(req.url!);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.active--;
    const url = new URL(req.url!, this.base);
    if (url.pathname === '/robots.txt')
      return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (url.pathname === '/page.html')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" title="Harbour feed" href="/feed.xml"></head><body><p>Home</p></body></html>`,
        );
    if (url.pathname === '/plain.html')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><head></head><body><p>No feed here.</p></body></html>');
    if (url.pathname === '/feed.xml') {
      if (this.broken) return res.writeHead(500, { 'retry-after': '7200' }).end('down');
      const body = this.rss();
      const etag = `"v${this.items.length}"`;
      if (req.headers['if-none-match']) this.conditional++;
      if (req.headers['if-none-match'] === etag) {
        this.notModified++;
        return res.writeHead(304, { etag }).end();
      }
      return res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag,
          ...(this.hints ? { 'cache-control': 'max-age=60' } : {}),
        })
        .end(body);
    }
    const story = /^\/(?:story|private)\/(\d+)\.html$/.exec(url.pathname);
    if (story)
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html><head><title>Story ${story[1]} page</title></head><body><article><h1>Story ${story[1]} page</h1><p>The full page of story ${story[1]} says far more than the feed: the harbour plan passed by nine votes to four after a long debate in the council chamber.</p><p>Residents had asked for the vote to be delayed until the survey of the sea wall was published next spring.</p></article></body></html>`,
        );
    res.writeHead(404).end();
  }
}

const site = new NewsSite();
const dir = mkdtempSync(join(tmpdir(), 'gazette-poll-'));
let db = 0;
beforeAll(async () => {
  await new Promise<void>((r) => site.server.listen(0, '127.0.0.1', r));
  site.base = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => site.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  Object.assign(site, {
    items: [1, 2].map((n) => ({ n, path: `/story/${n}.html` })),
    broken: false,
    hints: true,
    requests: [],
    conditional: 0,
    notModified: 0,
    maxActive: 0,
    delayMs: 0,
  });
});

const open = (name = `s${++db}.db`) => openSqliteStore(join(dir, name));
const clockAt = (iso: string) => () => iso;

describe('following sources', () => {
  it('follows a page through the feed it names, and refuses a page that names none, saying why', async () => {
    const store = open();
    try {
      const [page, plain, notUrl] = await followSources(asyncOf(store), [
        `${site.base}/page.html`,
        `${site.base}/plain.html`,
        'feeds.txt',
      ]);
      expect(page!.source).toMatchObject({
        url: `${site.base}/feed.xml`,
        pageUrl: `${site.base}/page.html`,
        title: 'Harbour News',
        full: false,
      });
      expect(page!.added).toBe(true);
      expect(plain!.error).toMatch(/neither a feed .* nor a page that names one/);
      expect(notUrl!.error).toMatch(/not an http\(s\) URL/);
      const [again] = await followSources(asyncOf(store), [`${site.base}/feed.xml`], {
        full: true,
        everySeconds: 900,
      });
      expect(again).toMatchObject({
        added: false,
        source: { id: page!.source!.id, full: true, everySeconds: 900 },
      });
      expect(store.sources.list()).toHaveLength(1);
    } finally {
      store.close();
    }
  }, 60_000);

  it('polls conditionally: new items are stored, an unchanged feed costs a 304, the state survives a restart', async () => {
    const name = `restart-${++db}.db`;
    let store = open(name);
    await followSources(asyncOf(store), [`${site.base}/feed.xml`]);
    const first = await createPoller({ all: true }).poll(asyncOf(store));
    expect(first).toMatchObject({ polled: 1, added: 2, notModified: 0, failedSources: 0 });
    store.close();

    store = open(name);
    try {
      const [source] = store.sources.list();
      expect(source!.state).toMatchObject({ etag: '"v2"', failures: 0, itemsStored: 2, polls: 1 });
      // The feed's ttl (5 min) and max-age (60 s): the schedule never goes under the longer.
      expect(source!.state.hintSeconds).toBe(300);
      const unchanged = await createPoller({ all: true }).poll(asyncOf(store));
      expect(unchanged).toMatchObject({ polled: 1, notModified: 1, added: 0 });
      expect(site.notModified).toBe(1);
      site.items.push({ n: 3, path: '/story/3.html' });
      const third = await createPoller({ all: true }).poll(asyncOf(store));
      expect(third).toMatchObject({ added: 1, unchanged: 2, duplicates: 0 });
      expect(store.count()).toBe(3);
      expect(store.sources.list()[0]!.state).toMatchObject({
        etag: '"v3"',
        notModified: 1,
        polls: 3,
        itemsStored: 3,
      });
    } finally {
      store.close();
    }
  }, 60_000);

  it('polls only what is due unless told to poll all', async () => {
    const store = open();
    try {
      await followSources(asyncOf(store), [`${site.base}/feed.xml`], { now: '2026-03-01T00:00:00.000Z' });
      const poller = createPoller({ clock: clockAt('2026-03-01T00:00:01.000Z') });
      expect((await poller.poll(asyncOf(store))).polled).toBe(1);
      expect((await poller.poll(asyncOf(store))).polled).toBe(0);
      const later = createPoller({ clock: clockAt('2026-03-02T00:00:00.000Z') });
      expect((await later.poll(asyncOf(store))).polled).toBe(1);
    } finally {
      store.close();
    }
  }, 60_000);

  it('backs off a failing feed, after its Retry-After, and remembers the failure across a restart', async () => {
    const name = `fail-${++db}.db`;
    let store = open(name);
    const now = '2026-03-01T00:00:00.000Z';
    await followSources(asyncOf(store), [`${site.base}/feed.xml`], { now });
    site.broken = true;
    const s = await createPoller({ all: true, clock: clockAt(now) }).poll(asyncOf(store));
    expect(s).toMatchObject({ polled: 1, failedSources: 1, added: 0 });
    expect(s.failed[0]!.reason).toMatch(/HTTP 500/);
    store.close();
    store = open(name);
    try {
      const state = store.sources.list()[0]!.state;
      expect(state).toMatchObject({ failures: 1, lastErrorAt: now });
      expect(state.lastError).toMatch(/HTTP 500/);
      expect(Date.parse(state.nextPollAt) - Date.parse(now)).toBeGreaterThanOrEqual(7_200_000);
      site.broken = false;
      const back = await createPoller({ all: true, clock: clockAt('2026-03-01T03:00:00.000Z') }).poll(
        asyncOf(store),
      );
      expect(back).toMatchObject({ failedSources: 0, added: 2 });
      expect(store.sources.list()[0]!.state.failures).toBe(0);
    } finally {
      store.close();
    }
  }, 60_000);

  it('with --full, fetches item pages that robots.txt allows and keeps the feed text of the others', async () => {
    site.items = [
      { n: 1, path: '/story/1.html' },
      { n: 2, path: '/private/2.html' },
    ];
    const store = open();
    try {
      await followSources(asyncOf(store), [`${site.base}/feed.xml`], { full: true });
      const s = await createPoller({ all: true }).poll(asyncOf(store));
      expect(s.added).toBe(2);
      expect(
        s.warnings.some(
          (w) => /robots\.txt .* disallows/.test(w.reason) && w.source.endsWith('/private/2.html'),
        ),
      ).toBe(true);
      expect(site.requests).toContain('/story/1.html');
      expect(site.requests).not.toContain('/private/2.html');
      const texts = store.list().map((a) => a.body.map((b) => b.text).join(' '));
      expect(texts.some((t) => t.includes('nine votes to four'))).toBe(true);
      expect(texts.some((t) => t.includes('Feed text of story 2'))).toBe(true);
    } finally {
      store.close();
    }
  }, 60_000);

  it('takes a feed with no items yet as a success, not a failure', async () => {
    site.items = [];
    const store = open();
    try {
      await followSources(asyncOf(store), [`${site.base}/feed.xml`]);
      const s = await createPoller({ all: true }).poll(asyncOf(store));
      expect(s).toMatchObject({ polled: 1, failedSources: 0, added: 0 });
      expect(store.sources.list()[0]!.state.failures).toBe(0);
    } finally {
      store.close();
    }
  }, 60_000);

  it("gives --full pages only what is left of the source's deadline after its feed", async () => {
    site.delayMs = 300;
    const store = open();
    try {
      await followSources(asyncOf(store), [`${site.base}/feed.xml`], { full: true });
      const s = await createPoller({ all: true, sourceDeadlineMs: 500 }).poll(asyncOf(store));
      expect(s.added).toBe(2);
      const given = s.warnings
        .map((w) => /overall deadline of ([\d.]+) s/.exec(w.reason)?.[1])
        .filter(Boolean);
      expect(given.length).toBeGreaterThan(0);
      for (const seconds of given) expect(Number(seconds)).toBeLessThan(0.5);
    } finally {
      store.close();
    }
  }, 60_000);

  it('asks one host one thing at a time, however many of its feeds are due', async () => {
    site.delayMs = 30;
    const store = open();
    try {
      await followSources(
        asyncOf(store),
        Array.from({ length: 6 }, (_, i) => `${site.base}/feed.xml?edition=${i}`),
      );
      site.maxActive = 0;
      const s = await createPoller({ all: true, concurrency: 8 }).poll(asyncOf(store));
      expect(s.polled).toBe(6);
      expect(site.maxActive).toBe(1);
    } finally {
      store.close();
    }
  }, 60_000);

  it('shares the due sources between two pollers over one store: each leases its own, none is polled twice', async () => {
    site.delayMs = 20;
    const store = open();
    try {
      const now = '2026-03-01T00:00:00.000Z';
      const urls = Array.from({ length: 6 }, (_, i) => `${site.base}/feed.xml?edition=${i}`);
      await followSources(asyncOf(store), urls, { now });
      site.requests = [];
      const later = clockAt('2026-03-01T00:00:05.000Z');
      const [a, b] = await Promise.all(
        [1, 2].map(() => createPoller({ clock: later, concurrency: 2 }).poll(asyncOf(store))),
      );
      expect(a!.polled + b!.polled).toBe(6);
      expect(site.requests.filter((r) => r.startsWith('/feed.xml')).sort()).toEqual(
        urls.map((u) => u.slice(site.base.length)).sort(),
      );
      expect(store.sources.list().map((s) => s.state.polls)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(store.count()).toBe(2);
    } finally {
      store.close();
    }
  }, 60_000);

  it('unfollows by id or URL and keeps the articles; the memory store keeps sources the same way', async () => {
    for (const store of [open(), createMemoryStore()] as ArticleStore[]) {
      try {
        const [r] = await followSources(asyncOf(store), [`${site.base}/feed.xml`]);
        await createPoller({ all: true }).poll(asyncOf(store));
        expect(store.sources.get(r!.source!.id)?.state.polls).toBe(1);
        expect(store.sources.get(`${site.base}/feed.xml`)?.id).toBe(r!.source!.id);
        expect(store.sources.unfollow(r!.source!.id)?.url).toBe(`${site.base}/feed.xml`);
        expect(store.sources.unfollow(r!.source!.id)).toBeUndefined();
        expect(store.sources.list()).toEqual([]);
        expect(store.count()).toBe(2);
        // A poll that ends after an unfollow does not bring the source back.
        store.sources.saveState(r!.source!.id, r!.source!.state);
        expect(store.sources.list()).toEqual([]);
      } finally {
        store.close();
      }
    }
  }, 60_000);
});

describe('watching', () => {
  it('polls as sources fall due until stopped, and stops at once', async () => {
    const { watchSources } = await import('./watch-sources');
    const store = open();
    const stop = new AbortController();
    site.hints = false;
    try {
      await followSources(asyncOf(store), [`${site.base}/feed.xml`]);
      const rounds: number[] = [];
      const bounds = { min: 1, max: 1, initial: 1, maxBackoff: 1 };
      const watching = watchSources(asyncOf(store), {
        signal: stop.signal,
        bounds,
        maxSleepMs: 100,
        onRound: (s) => rounds.push(s.added),
      });
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
        expect(check()).toBe(true);
      };
      await until(() => store.count() === 2);
      site.items.push({ n: 3, path: '/story/3.html' });
      await until(() => store.count() === 3);
      const stoppedAt = Date.now();
      stop.abort();
      await watching;
      expect(Date.now() - stoppedAt).toBeLessThan(2_000);
      expect(rounds.filter((a) => a > 0)).toEqual([2, 1]);
    } finally {
      stop.abort();
      store.close();
    }
  }, 60_000);
});
