import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** Bounds of the hostile replies: every one stops by itself, whatever the client does. */
const MAX_SENT = 512 * 1024 * 1024;
const MAX_SECONDS = 30;

/** 1 GiB of JSON-looking bytes once inflated, about 1 MB on the wire: 64 gzip members of 16 MiB of spaces. */
function gzipBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, ' '), { level: 9 });
  return Buffer.concat(Array.from({ length: 64 }, () => member));
}

/** Writes chunks until the client goes away or a bound is reached, waiting for the socket to drain. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  const until = Date.now() + MAX_SECONDS * 1000;
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && sent < MAX_SENT && Date.now() < until) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.write('[');
  pump();
}

/**
 * An HTTP server on 127.0.0.1 that answers as a broken or hostile "API" would, by the first path segment:
 * /endless (a body with no end), /bomb (a small gzip that inflates to 1 GiB), /trickle (headers, then a
 * byte every 200 ms), /silent (never answers).
 */
export async function startHostileServer(): Promise<{ url: string; close(): Promise<void> }> {
  let bomb: Buffer | undefined;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const kind = req.url?.split('/')[1];
    res.on('close', () => {
      for (const t of timers) clearInterval(t);
    });
    if (kind === 'silent') return;
    const headers = { 'content-type': 'application/json' };
    if (kind === 'bomb') {
      bomb ??= gzipBomb();
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': bomb.length });
      return void res.end(bomb);
    }
    res.writeHead(200, headers);
    if (kind === 'endless') return endless(res);
    let left = MAX_SECONDS * 5;
    const timer = setInterval(() => {
      if (--left <= 0 || res.destroyed) clearInterval(timer);
      else res.write(' ');
    }, 200);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
