// The feed sites of bench-follow.ts, in a child process of their own so that the poller's event loop (and
// its synchronous store writes) never delays an answer: 100 servers on 127.0.0.1, 10 feeds each. Messages:
// in `{ gain: number[] }` (feeds that gain an item; answered `{ ok: true }`) and `{ seen: true }`;
// out `{ bases }` when listening, and `{ seen }` with what the servers saw.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateCorpus, type GeneratedRecord, readBbc } from '@gazette/bench-corpora';
import { escapeXml } from '../../src/feeds-out/escape-xml';
import { startLocalServer } from '../../test-support/local-server';
import { FEEDS_PER_SITE, ITEMS_PER_FEED, SITES } from './feed-sites-shape';

/** What the servers saw: requests and 304s. */
const seen = { requests: 0, notModified: 0 };

/** A feed's items: its own records, and `extra` more once it has gained some. */
function rss(site: number, feed: number, records: readonly GeneratedRecord[], extra: number): string {
  const items = records.slice(0, ITEMS_PER_FEED + extra).map((r, i) => {
    const [title, ...body] = r.text.split('\n').filter((l) => l.trim());
    const link = `https://site${site}.example/feed${feed}/item${i}`;
    return `<item><title>${escapeXml(title ?? r.meta.title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(r.meta.publishedAt).toUTCString()}</pubDate><description>${escapeXml(body.slice(0, 4).join('\n\n'))}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site ${site} feed ${feed}</title><link>https://site${site}.example/</link>${items.join('')}</channel></rss>`;
}

function siteHandler(
  site: number,
  recordsOf: (feed: number) => GeneratedRecord[],
  extraOf: (feed: number) => number,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.requests++;
    const feed = Number(/^\/feed(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
    if (feed < 0 || feed >= FEEDS_PER_SITE) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"s${site}f${feed}x${extraOf(feed)}"`;
    if (req.headers['if-none-match'] === etag) {
      seen.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(rss(site, feed, recordsOf(feed), extraOf(feed)));
  };
}

async function serve(): Promise<void> {
  const perFeed = ITEMS_PER_FEED + 1;
  const records = generateCorpus(readBbc(['train']), SITES * FEEDS_PER_SITE * perFeed, 7);
  const extra = new Uint8Array(SITES * FEEDS_PER_SITE);
  const servers = await Promise.all(
    Array.from({ length: SITES }, (_, site) =>
      startLocalServer(
        siteHandler(
          site,
          (feed) =>
            records.slice(
              (site * FEEDS_PER_SITE + feed) * perFeed,
              (site * FEEDS_PER_SITE + feed + 1) * perFeed,
            ),
          (feed) => extra[site * FEEDS_PER_SITE + feed]!,
        ),
      ),
    ),
  );
  process.on('message', (m: { gain?: number[]; seen?: boolean }) => {
    if (m.gain) {
      for (const f of m.gain) extra[f] = 1;
      process.send?.({ ok: true });
    }
    if (m.seen) process.send?.({ seen });
  });
  // The parent going away (even killed) ends the sites.
  process.on('disconnect', () => {
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  });
  process.send?.({ bases: servers.map((s) => s.base) });
}

await serve();
