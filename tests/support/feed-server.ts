import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item of a test feed: its guid names it, and its title and text say what it is about. */
export interface FeedItem {
  guid: string;
  title: string;
  text: string;
}

/** A POST the receiver got, with when it arrived (ms since the epoch). */
export interface Hooked {
  body: string;
  signature: string | undefined;
  idempotencyKey: string | undefined;
  at: number;
}

export interface FeedServer {
  base: string;
  /** The items each feed serves now, by path (`/a.xml`); change them to make a feed gain items. */
  feeds: Map<string, FeedItem[]>;
  /** What `/hook` received, in order. */
  hooked: Hooked[];
  /** How many feed requests it has answered (or is answering): how often the feeds were polled. */
  requests(): number;
  close(): Promise<void>;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function rss(base: string, path: string, items: FeedItem[]): string {
  const body = items
    .map(
      (it) =>
        `<item><title>${xmlText(it.title)}</title><link>${base}/story/${it.guid}</link><guid>${it.guid}</guid><description>${xmlText(it.text)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${path}</title><link>${base}/</link>${body}</channel></rss>`;
}

/**
 * A loopback server of RSS feeds (with ETags, so an unchanged feed is a 304) and a webhook receiver at
 * `/hook`; `delayMs` holds each feed response that long, so a poll takes time to kill in the middle of.
 */
export async function startFeedServer(options: { delayMs?: number } = {}): Promise<FeedServer> {
  const feeds = new Map<string, FeedItem[]>();
  const hooked: Hooked[] = [];
  let requests = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/hook' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => {
        body += d;
      });
      req.on('end', () => {
        hooked.push({
          body,
          signature: req.headers['gazette-signature'] as string | undefined,
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          at: Date.now(),
        });
        res.writeHead(204).end();
      });
      return;
    }
    const items = feeds.get(req.url ?? '');
    if (!items) return void res.writeHead(404).end();
    requests++;
    const body = rss(base, req.url ?? '', items);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const answer = () => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    feeds,
    hooked,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
