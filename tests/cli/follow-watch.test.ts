import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { onProcessEnd } from '../support/test-resources';

const dir = mkdtempSync(join(tmpdir(), 'gazette-follow-'));
let server: Server;
let base = '';
let items = 2;
let notModified = 0;
const hooked: Array<{ body: string; signature: string | undefined }> = [];

const rss = () =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>${base}/</link>${Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Harbour story ${i + 1}</title><link>${base}/story/${i + 1}</link><guid>h-${i + 1}</guid><description>The council met about harbour plan ${i + 1} and voted on the sea wall.</description></item>`,
  ).join('')}</channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hook' && req.method === 'POST') {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        hooked.push({ body, signature: req.headers['gazette-signature'] as string | undefined });
        res.writeHead(204).end();
      });
      return;
    }
    if (req.url === '/feed.xml') {
      const etag = `"n${items}"`;
      if (req.headers['if-none-match'] === etag) {
        notModified++;
        return res.writeHead(304, { etag }).end();
      }
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss());
    }
    if (req.url === '/')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>',
        );
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('gazette follow, sources, watch, unfollow', () => {
  const db = join(dir, 'follow.db');

  it('follows a site through the feed its home page names, and lists it with its health', async () => {
    const follow = await gazette(['follow', `${base}/`, '--db', db]);
    expect(follow.stderr).toBe('');
    expect(follow.code).toBe(0);
    expect(follow.stdout).toMatch(/following s\w+ {2}Harbour News {2}http:\/\/127\.0\.0\.1:\d+\/feed\.xml/);
    const sources = await gazette(['sources', '--db', db, '--json']);
    const listed = JSON.parse(sources.stdout) as {
      sources: Array<{ url: string; state: { polls: number } }>;
    };
    expect(listed.sources).toHaveLength(1);
    expect(listed.sources[0]).toMatchObject({ url: `${base}/feed.xml`, state: { polls: 0 } });
    const text = await gazette(['sources', '--db', db]);
    expect(text.stdout).toContain('Harbour News');
    expect(text.stdout).toContain('last success never');
  }, 60_000);

  it('watch --once stores new items, then costs a 304 when nothing changed', async () => {
    const first = await gazette(['watch', '--once', '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ polled: 1, added: 2, notModified: 0 });
    const second = await gazette(['watch', '--once', '--db', db]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/polled 1: 1 unchanged \(304\), 0 failed; added 0/);
    expect(notModified).toBe(1);
    items = 3;
    const third = await gazette(['watch', '--once', '--db', db, '--json']);
    expect(JSON.parse(third.stdout)).toMatchObject({ added: 1 });
    const search = await gazette(['search', 'harbour', '--db', db, '--json']);
    expect(JSON.parse(search.stdout).total).toBe(3);
  }, 90_000);

  it('an alert hears of new matches through its signed webhook, and only of those', async () => {
    const add = await gazette([
      'alert',
      'add',
      'harbour',
      'story',
      '--webhook',
      `${base}/hook`,
      '--db',
      db,
      '--json',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const { alert } = JSON.parse(add.stdout) as { alert: { id: string; secret: string } };
    const other = await gazette(['alert', 'add', 'volcano', '--webhook', `${base}/hook`, '--db', db]);
    expect(other.stdout).toMatch(/alert a\w+ {2}volcano {2}→ .*\n {2}secret [0-9a-f]{48}/);
    const listed = JSON.parse((await gazette(['alerts', '--db', db, '--json'])).stdout) as {
      alerts: object[];
    };
    expect(listed.alerts).toHaveLength(2);
    expect(JSON.stringify(listed.alerts)).not.toContain(alert.secret);
    items = 4;
    const watch = await gazette(['watch', '--once', '--db', db]);
    expect(watch.stdout).toMatch(/alerts: 1 new batches of matches; webhooks sent 1, failed 0/);
    expect(hooked).toHaveLength(1);
    const sent = JSON.parse(hooked[0]!.body) as { alert: { id: string }; articles: Array<{ title: string }> };
    expect(sent.alert.id).toBe(alert.id);
    expect(sent.articles.map((a) => a.title)).toEqual(['Harbour story 4']);
    expect(hooked[0]!.signature).toBe(
      `sha256=${createHmac('sha256', alert.secret).update(hooked[0]!.body).digest('hex')}`,
    );
    const rm = await gazette(['alert', 'rm', alert.id, '--db', db]);
    expect(rm.stdout).toMatch(/removed/);
    const bad = await gazette(['alert', 'add', 'harbour', '--webhook', 'ftp://x', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/http or https URL/);
  }, 90_000);

  it('watch runs until stopped, and stops at once on SIGTERM', async () => {
    const child = spawn(process.execPath, [GAZETTE_BIN, 'watch', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forget = onProcessEnd(() => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`watch did not start: ${stderr}`)), 30_000);
        child.stderr.on('data', () => {
          if (stderr.includes('watching 1 sources')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      forget();
    }
  }, 60_000);

  it('says what is wrong with a follow, an unfollow or a watch that cannot be done', async () => {
    const none = await gazette(['follow', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs at least one feed or page URL/);
    const every = await gazette(['follow', `${base}/feed.xml`, '--every', 'often', '--db', db]);
    expect(every.code).toBe(2);
    expect(every.stderr).toMatch(/--every must be a duration such as/);
    const missing = await gazette(['follow', `${base}/nothing`, '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/failed .*HTTP 404/);
    const unknown = await gazette(['unfollow', 'no-such-source', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no followed source is no-such-source/);
    const empty = await gazette(['watch', '--once', '--db', join(dir, 'empty.db')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/follows no sources yet/);
  }, 90_000);

  it('unfollows by URL and keeps the articles', async () => {
    const out = await gazette(['unfollow', `${base}/feed.xml`, '--db', db]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/unfollowed .*its articles stay/);
    expect(JSON.parse((await gazette(['sources', '--db', db, '--json'])).stdout).sources).toEqual([]);
    expect(JSON.parse((await gazette(['list', '--db', db, '--json'])).stdout).total).toBe(4);
  }, 60_000);
});
