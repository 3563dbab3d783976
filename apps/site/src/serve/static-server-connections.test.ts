import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { serveStatic } from './static-server';

/** A raw keep-alive GET /: resolves once answered (the socket left open), or when closed unanswered. */
function rawGet(url: string): Promise<{ answered: boolean; close(): void }> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const close = () => void socket.destroy();
    socket.on('error', () => {});
    socket.once('data', () => resolve({ answered: true, close }));
    socket.once('close', () => resolve({ answered: false, close }));
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  });
}

// Before, the site's server set no maxConnections: every connection a client opened was held.
it('the site’s server closes a connection past maxConnections at once, and takes new ones when others close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-site-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  const site = await serveStatic({ dir, maxConnections: 2 });
  try {
    const held = await Promise.all([rawGet(site.url), rawGet(site.url)]);
    expect(held.map((h) => h.answered)).toEqual([true, true]);
    expect((await rawGet(site.url)).answered).toBe(false);
    for (const h of held) h.close();
    // The server counts a connection out when it sees it close: give it a few turns of its loop.
    let again = await rawGet(site.url);
    for (let tries = 0; !again.answered && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await rawGet(site.url);
    }
    expect(again.answered).toBe(true);
    again.close();
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
