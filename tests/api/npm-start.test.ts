import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE, REPO_ROOT } from '../support/paths';
import { gazette } from '../support/run-process';
import { startPrintingApi } from './support/start-api';

/** Polls `probe` every second until it gives a truthy value (returned), or fails after `timeoutMs`. */
async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`not so within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('npm start (scripts/start.mjs)', () => {
  it('serves the API over the built-in corpus and prints its URL', async () => {
    const api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], { GAZETTE_SITE_PORT: '0' });
    try {
      const res = await fetch(`${api.url}/healthz`);
      expect(((await res.json()) as { status: string }).status).toBe('ok');
    } finally {
      await api.stop();
    }
  });

  it('serves the store named by GAZETTE_DB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-api-store-'));
    try {
      const db = join(dir, 'gazette.db');
      const ingest = await gazette(['ingest', REFERENCE_ARTICLE, '--db', db], { timeoutMs: 60_000 });
      expect(ingest.code, ingest.stderr).toBe(0);
      const api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], {
        GAZETTE_DB: db,
        GAZETTE_SITE_PORT: '0',
      });
      try {
        const list = (await (await fetch(`${api.url}/v1/articles`)).json()) as { total: number };
        const health = (await (await fetch(`${api.url}/healthz`)).json()) as { articles: number };
        expect(list.total).toBe(1);
        expect(health.articles).toBe(1);
      } finally {
        await api.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('polls the sources a GAZETTE_DB store follows beside the API, unless GAZETTE_WATCH=0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-start-watch-'));
    const feed = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>${[1, 2]
            .map(
              (n) =>
                `<item><title>Quay story ${n}</title><guid>q${n}</guid><description>The quay reopened after repairs to pier ${n}.</description></item>`,
            )
            .join('')}</channel></rss>`,
        );
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    try {
      const db = join(dir, 'gazette.db');
      const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`;
      expect((await gazette(['follow', url, '--db', db])).code).toBe(0);
      const off = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], {
        GAZETTE_DB: db,
        GAZETTE_SITE_PORT: '0',
        GAZETTE_WATCH: '0',
      });
      for (let i = 0; i < 300 && !/Watch:/.test(off.output()); i++)
        await new Promise((r) => setTimeout(r, 100));
      await off.stop();
      expect(off.output()).toMatch(/Watch: off \(GAZETTE_WATCH=0\)/);
      expect(
        JSON.parse((await gazette(['sources', '--db', db, '--json'])).stdout).sources[0].state.polls,
      ).toBe(0);
      const api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], {
        GAZETTE_DB: db,
        GAZETTE_SITE_PORT: '0',
      });
      try {
        for (let i = 0; i < 300 && !/Watch: polled 1 .*added 2/.test(api.output()); i++)
          await new Promise((r) => setTimeout(r, 100));
        expect(api.output()).toMatch(/Watch: polling 1 followed source in .*GAZETTE_WATCH=0 turns this off/);
        expect(api.output()).toMatch(/Watch: polled 1 \(0 unchanged, 0 failed\): added 2/);
      } finally {
        await api.stop();
      }
      const sources = JSON.parse((await gazette(['sources', '--db', db, '--json'])).stdout);
      expect(sources.sources[0].state.polls).toBe(1);
    } finally {
      feed.closeAllConnections();
      await new Promise((r) => feed.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  // Issue 16: the site npm start serves over GAZETTE_DB follows the store (the API always did), rebuilt at
  // most every GAZETTE_SITE_EVERY, instead of staying the one built before start until a restart.
  it('serves a site that follows the store: an article ingested after start appears once rebuilt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-start-site-'));
    let api: Awaited<ReturnType<typeof startPrintingApi>> | undefined;
    try {
      const db = join(dir, 'gazette.db');
      expect((await gazette(['ingest', REFERENCE_ARTICLE, '--db', db], { timeoutMs: 60_000 })).code).toBe(0);
      api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], {
        GAZETTE_DB: db,
        GAZETTE_SITE_PORT: '0',
        GAZETTE_SITE_EVERY: '1m',
      });
      const running = api;
      const site = await waitFor(
        () => running.output().match(/Site: (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
        30_000,
      );
      const second = join(dir, 'cranes.txt');
      writeFileSync(
        second,
        'Harbour cranes return to Quay Nine after the winter repairs.\nThe port authority said on Monday that the two cranes at Quay Nine would load ships again from next week, after repairs that took the whole winter.\n',
      );
      const added = await gazette(['ingest', second, '--db', db], { timeoutMs: 60_000 });
      expect(added.code, added.stderr).toBe(0);
      const titles = async (url: string) =>
        ((await (await fetch(url)).json()) as { items: { title: string }[] }).items
          .map((i) => i.title)
          .sort();
      // The API follows the store within a second (the live index): the titles the site must come to show.
      const want = await waitFor(async () => {
        const now = await titles(`${running.url}/v1/articles`);
        return now.length === 2 ? now : undefined;
      }, 30_000);
      // The site at start (apps/site/dist, of another corpus here) is rebuilt at once, and again within a
      // minute of the build before if the ingest came after that build read the store: both titles, in time.
      await waitFor(
        async () => JSON.stringify(await titles(`${site}/feed.json`)) === JSON.stringify(want),
        540_000,
      );
      expect(running.output()).toMatch(/Site: rebuilt .*-site in [\d.]+ s/);
    } finally {
      await api?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('says clearly when GAZETTE_DB names no store', async () => {
    await expect(
      startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], { GAZETTE_DB: '/nonexistent/db' }),
    ).rejects.toThrow(/GAZETTE_DB/);
  });
});
