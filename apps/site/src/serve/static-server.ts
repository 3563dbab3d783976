import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ATOM_MEDIA_TYPE, JSON_FEED_MEDIA_TYPE } from '@gazette/core/query';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

// The feeds by name: by extension they would be application/xml and application/json, which feed readers
// and browsers do not take for Atom and JSON Feed. public/_headers says the same to Cloudflare Pages and Netlify.
const FEED_TYPES: Record<string, string> = {
  'feed.xml': ATOM_MEDIA_TYPE,
  'feed.json': JSON_FEED_MEDIA_TYPE,
};

const typeOf = (root: string, file: string) =>
  FEED_TYPES[relative(root, file)] ?? TYPES[extname(file)] ?? 'application/octet-stream';

export interface StaticSite {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built site (apps/site/dist). */
  dir: string;
  port?: number;
  host?: string;
  /** Open connections at once, as the API's server (1024); one more is closed as soon as it is accepted. */
  maxConnections?: number;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    const s = await stat(candidate).catch(() => undefined);
    if (s?.isFile()) return candidate;
  }
  return undefined;
}

/** A small static file server for the built site: gzip when asked, /404.html for what is missing. */
export function serveStatic({
  dir,
  port = 0,
  host = '127.0.0.1',
  maxConnections = 1024,
}: ServeOptions): Promise<StaticSite> {
  const root = resolve(dir);
  // As the API's server: a client has 10 s to send its headers and 30 s for its request (checked every
  // second), so a slow one cannot hold a connection, nor `npm start` when it stops.
  const limits = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };
  const server = createServer(limits, async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let file = await fileFor(root, url.pathname);
      let status = 200;
      if (!file && !url.pathname.endsWith('/') && !extname(url.pathname)) {
        const dirFile = await fileFor(root, `${url.pathname}/`);
        if (dirFile) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
      }
      if (!file) {
        file = await fileFor(root, '/404.html');
        status = 404;
      }
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        'Content-Type': typeOf(root, file),
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 256) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    }
  });
  server.maxConnections = maxConnections;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({
        url: `http://${host}:${actual}`,
        server,
        // Stop accepting, close idle connections now and busy ones once answered, every one after 10 s.
        close: () =>
          new Promise<void>((done) => {
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            const force = setTimeout(() => server.closeAllConnections(), 10_000);
            server.close(() => {
              clearInterval(idle);
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
