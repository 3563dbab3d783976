import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSources } from './ingest-sources';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

const dir = mkdtempSync(join(tmpdir(), 'gazette-ingest-'));
let server: Server;
let base = '';
let active = 0;
let maxActive = 0;

const story = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="2026-03-04T08:00:00Z"><meta name="author" content="By Ana Ruiz and Tom Lee"></head><body><article><h1>${title}</h1>${Array.from(
    { length: 5 },
    (_, i) =>
      `<p>${words} paragraph ${i} tells the readers what happened in the harbour town this week, and why it matters to them.</p>`,
  ).join('')}</article></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/feed.xml') {
      const item = (n: number) =>
        `<item><title>Item ${n}</title><link>${base}/item/${n}</link><description>Feed text ${n}.</description><pubDate>Wed, 04 Mar 2026 09:30:00 GMT</pubDate></item>`;
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${item(1)}${item(2)}${item(3)}</channel></rss>`,
        );
    } else if (path === '/item/1' || path === '/item/2')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(story(`Full page ${path}`, `Full story ${path}`));
    else if (path === '/page')
      res.writeHead(200, { 'content-type': 'text/html' }).end(story('Fetched page', 'Fetched'));
    else if (path.startsWith('/slow/')) {
      active++;
      maxActive = Math.max(maxActive, active);
      setTimeout(() => {
        active--;
        res.writeHead(200, { 'content-type': 'text/html' }).end(story(`Slow ${path}`, `Slow story ${path}`));
      }, 40);
    } else res.writeHead(404, { 'content-type': 'text/html' }).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestSources', () => {
  it('ingests a folder of pages and a feed file, reports failures per source, and is idempotent', async () => {
    const folder = join(dir, 'site');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.html'), story('Harbour bridge closes', 'Bridge'));
    writeFileSync(join(folder, 'sub', 'b.htm'), story('Comet found by students', 'Comet'));
    writeFileSync(join(folder, 'broken.json'), '{ nope');
    writeFileSync(join(folder, 'notes.bin'), 'ignored: not an ingestible extension');
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      `<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://x.example/1</link><description>First item text.</description></item><item><title>Two</title><link>https://x.example/2</link><description>Second item text.</description></item></channel></rss>`,
    );
    const store = openSqliteStore(join(dir, 'folder.db'));
    const progress: number[] = [];
    const summary = await ingestSources(asyncOf(store), [folder, feed, join(dir, 'absent')], {
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary.added).toBe(4);
    expect(summary.failed.map((f) => f.source).sort()).toEqual(
      [join(dir, 'absent'), join(folder, 'broken.json')].sort(),
    );
    expect(summary.failed.find((f) => f.source.endsWith('broken.json'))?.reason).toMatch(/not valid JSON/);
    expect(progress.sort()).toEqual([1, 2, 3, 4]);
    const a = store.list().find((x) => x.title === 'Harbour bridge closes')!;
    expect(a.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
    const again = await ingestSources(asyncOf(store), [folder, feed]);
    expect(again).toMatchObject({ added: 0, unchanged: 4 });
    expect(store.count()).toBe(4);
    store.close();
  });

  it('fetches URLs and feeds (with --full, item pages), failing per URL without stopping the batch', async () => {
    const store = openSqliteStore(join(dir, 'urls.db'));
    const summary = await ingestSources(
      asyncOf(store),
      [`${base}/page`, `${base}/nope`, `${base}/feed.xml`],
      {
        full: true,
      },
    );
    expect(summary.added).toBe(4);
    expect(summary.failed).toEqual([{ source: `${base}/nope`, reason: expect.stringMatching(/HTTP 404/) }]);
    // Item 3's page is missing: the feed's own text is kept, with a warning.
    expect(summary.warnings).toEqual([
      { source: `${base}/item/3`, reason: expect.stringMatching(/HTTP 404.*feed's own text/) },
    ]);
    const full = store.list().find((x) => x.url === `${base}/item/1`)!;
    expect(full.provenance.format).toBe('html');
    expect(full.body[0]!.text).toMatch(/^Full story/);
    // The page had its own date and byline; the feed's title was a fallback only where the page had none.
    expect(full.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
    const kept = store.list().find((x) => x.url === `${base}/item/3`)!;
    expect(kept.provenance.format).toBe('feed');
    expect(kept.body[0]!.text).toBe('Feed text 3.');
    store.close();
  });

  it('keeps to the concurrency limit across URLs', async () => {
    const store = openSqliteStore(join(dir, 'limit.db'));
    const urls = Array.from({ length: 8 }, (_, i) => `${base}/slow/${i}`);
    const summary = await ingestSources(asyncOf(store), urls, { concurrency: 2 });
    // The pages are near-copies of one another: each is stored or linked as a duplicate, none fails.
    expect(summary.added + summary.duplicates).toBe(8);
    expect(summary.failed).toEqual([]);
    expect(maxActive).toBe(2);
    store.close();
  });

  it('streams an NDJSON file in batches, reporting a bad line by number', async () => {
    const file = join(dir, 'export.ndjson');
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({
        title: `Item ${i}`,
        url: `https://x.example/n/${i}`,
        body: `Story number ${i} in a long export.`,
      }),
    );
    lines.splice(700, 0, '{ not json');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const store = openSqliteStore(join(dir, 'ndjson.db'));
    const summary = await ingestSources(asyncOf(store), [file]);
    expect(summary.added).toBe(1200);
    expect(summary.failed).toEqual([
      { source: `${file} line 701`, reason: expect.stringMatching(/Line 701 .* not valid JSON/) },
    ]);
    expect(store.count()).toBe(1200);
    store.close();
  });
});
