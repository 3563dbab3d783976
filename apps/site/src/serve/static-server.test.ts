import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishDirectory } from '@gazette/core/node';
import { describe, expect, it } from 'vitest';
import { startSite } from './start-site';
import { serveStatic } from './static-server';

describe('serveStatic', () => {
  // Issue 16: `gazette watch --site DIR` swaps DIR for a new build while it is served (GAZETTE_SITE_DIR).
  it('serves (npm start: GAZETTE_SITE_DIR) the build a swapped folder now points to, not the one it was started on', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gazette-site-'));
    const dir = join(parent, 'site');
    const page = (text: string) => async (out: string) => writeFileSync(join(out, 'index.html'), text);
    await publishDirectory(dir, 'first', page('first build'));
    const site = await startSite({ env: { GAZETTE_SITE_DIR: dir, GAZETTE_SITE_PORT: '0' } });
    try {
      expect(await (await fetch(`${site.url}/`)).text()).toBe('first build');
      await publishDirectory(dir, 'second', page('second build'));
      expect(await (await fetch(`${site.url}/`)).text()).toBe('second build');
    } finally {
      await site.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  // Issue 14: the site's Atom feed was served as application/xml, its JSON Feed as application/json.
  it('serves the feeds with their own media types, other files by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-site-'));
    for (const name of ['feed.xml', 'feed.json', 'sitemap.xml', 'data.json'])
      writeFileSync(join(dir, name), '{}');
    const site = await serveStatic({ dir });
    try {
      const type = async (path: string) => (await fetch(`${site.url}${path}`)).headers.get('content-type');
      expect(await type('/feed.xml')).toBe('application/atom+xml; charset=utf-8');
      expect(await type('/feed.json')).toBe('application/feed+json; charset=utf-8');
      expect(await type('/sitemap.xml')).toBe('application/xml; charset=utf-8');
      expect(await type('/data.json')).toBe('application/json');
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cuts off a client trickling its headers (408), and closes despite one', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-site-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const site = await serveStatic({ dir });
    const sockets: ReturnType<typeof connect>[] = [];
    const timers: NodeJS.Timeout[] = [];
    try {
      const { port } = new URL(site.url);
      // One header line a second, never the blank line that ends them.
      const trickle = () => {
        const socket = connect(Number(port), '127.0.0.1');
        sockets.push(socket);
        socket.on('error', () => {});
        let text = '';
        socket.setEncoding('utf8').on('data', (d: string) => {
          text += d;
        });
        socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
        timers.push(setInterval(() => socket.write('x-slow: 1\r\n'), 1_000));
        return new Promise<string>((resolve) => socket.once('close', () => resolve(text)));
      };
      expect(await trickle()).toMatch(/^HTTP\/1\.1 408 /);
      // Closing waits for requests in flight, not for a client that never finishes its headers.
      const second = trickle();
      await new Promise((r) => setTimeout(r, 200));
      await site.close();
      await second;
    } finally {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await site.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
