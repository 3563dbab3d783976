import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, USER_AGENT } from './fetch-url';

let server: Server;
let base = '';
let lastUserAgent: string | undefined;

const ROUTES: Record<string, (req: IncomingMessage, res: import('node:http').ServerResponse) => void> = {
  '/page': (req, res) => {
    lastUserAgent = req.headers['user-agent'];
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><body><p>Hello</p></body></html>');
  },
  '/latin1': (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
      .end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  },
  '/hop': (_req, res) => res.writeHead(302, { location: '/page' }).end(),
  '/loop': (_req, res) => res.writeHead(301, { location: '/loop' }).end(),
  '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('PNG'),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('no'),
  '/big': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('x'.repeat(200_000));
  },
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>start');
    // Never finishes: the timeout must end it.
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('fetchUrl (local server on 127.0.0.1)', () => {
  it('fetches a page with an honest User-Agent, following redirects', async () => {
    const page = await fetchUrl(`${base}/hop`);
    expect(page.url).toBe(`${base}/page`);
    expect(page.contentType).toBe('text/html');
    expect(page.content).toContain('Hello');
    expect(lastUserAgent).toBe(USER_AGENT);
  });

  it('decodes the declared charset', async () => {
    expect((await fetchUrl(`${base}/latin1`)).content).toBe('café');
  });

  it('refuses with a reason: redirect loops, wrong content types, HTTP errors, size and time limits', async () => {
    await expect(fetchUrl(`${base}/loop`, { maxRedirects: 3 })).rejects.toThrow(/more than 3 redirects/);
    await expect(fetchUrl(`${base}/image`)).rejects.toThrow(/image\/png, not a web page/);
    await expect(fetchUrl(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
    await expect(fetchUrl(`${base}/big`, { maxBytes: 50_000 })).rejects.toThrow(/limit/);
    await expect(fetchUrl(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(/within 0.3 s/);
    await expect(fetchUrl('ftp://127.0.0.1/x')).rejects.toThrow(/only http and https/);
    await expect(fetchUrl('http://127.0.0.1:1/x')).rejects.toThrow(/Cannot fetch/);
  });
});
