// The feed sites of bench-follow.ts, in a child process of their own so that the poller's event loop (and
// its synchronous store writes) never delays an answer: 100 servers on 127.0.0.1, 10 feeds each. Messages:
// in `{ gain: number[] }` (feeds that gain an item; answered `{ ok: true }`), `{ at: ms }` (the simulated
// hour's time: with the argument `hour`, each feed gains items by its habit, feed-sites-shape.ts; answered
// `{ ok: true }`), `{ forget: true }` (what was served so far no longer counts as unchanged) and
// `{ seen: true }`; out `{ bases }` when listening, and `{ seen }` with what the servers saw.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateCorpus, type GeneratedRecord, readBbc } from '@gazette/bench-corpora';
import { escapeXml } from '../../src/feeds-out/escape-xml';
import { startLocalServer } from '../../test-support/local-server';
import { FEEDS_PER_SITE, feedHabit, gainedBy, HOUR_MS, ITEMS_PER_FEED, SITES } from './feed-sites-shape';

const HOUR = process.argv[2] === 'hour';

/**
 * What the servers saw: requests, 304s, and requests for a feed unchanged since it was last served whole
 * (`unchanged`), of which `unchangedNotModified` were answered 304.
 */
const seen = { requests: 0, notModified: 0, unchanged: 0, unchangedNotModified: 0 };
/** The ETag each feed was last served whole with. */
const lastServed = new Map<number, string>();

/** A feed's items: its own records, and `extra` more once it has gained some. */
function rss(site: number, feed: number, records: readonly GeneratedRecord[], extra: number): string {
  const ttl = feedHabit(site * FEEDS_PER_SITE + feed).ttlMinutes;
  const items = records.slice(0, ITEMS_PER_FEED + extra).map((r, i) => {
    const [title, ...body] = r.text.split('\n').filter((l) => l.trim());
    const link = `https://site${site}.example/feed${feed}/item${i}`;
    return `<item><title>${escapeXml(title ?? r.meta.title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(r.meta.publishedAt).toUTCString()}</pubDate><description>${escapeXml(body.slice(0, 4).join('\n\n'))}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site ${site} feed ${feed}</title><link>https://site${site}.example/</link>${ttl ? `<ttl>${ttl}</ttl>` : ''}${items.join('')}</channel></rss>`;
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
    const n = site * FEEDS_PER_SITE + feed;
    const etag = `"s${site}f${feed}x${extraOf(feed)}"`;
    const maxAge = feedHabit(n).maxAgeSeconds;
    const headers = { etag, ...(HOUR && maxAge ? { 'cache-control': `max-age=${maxAge}` } : {}) };
    const unchanged = lastServed.get(n) === etag;
    if (unchanged) seen.unchanged++;
    if (req.headers['if-none-match'] === etag) {
      seen.notModified++;
      if (unchanged) seen.unchangedNotModified++;
      res.writeHead(304, headers).end();
      return;
    }
    lastServed.set(n, etag);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
    res.end(rss(site, feed, recordsOf(feed), extraOf(feed)));
  };
}

/** Items each feed may gain beyond its first ITEMS_PER_FEED: one (a `gain`), or what two simulated hours bring. */
const capacity = (n: number) => (HOUR ? Math.max(1, gainedBy(n, 2 * HOUR_MS)) : 1);

async function serve(): Promise<void> {
  const feeds = SITES * FEEDS_PER_SITE;
  const starts = [0];
  for (let n = 0; n < feeds; n++) starts.push(starts[n]! + ITEMS_PER_FEED + capacity(n));
  const records = generateCorpus(readBbc(['train']), starts[feeds]!, 7);
  const extra = new Uint8Array(feeds);
  let at = 0;
  const extraOf = (n: number) => Math.max(extra[n]!, HOUR ? Math.min(capacity(n), gainedBy(n, at)) : 0);
  const servers = await Promise.all(
    Array.from({ length: SITES }, (_, site) =>
      startLocalServer(
        siteHandler(
          site,
          (feed) =>
            records.slice(starts[site * FEEDS_PER_SITE + feed], starts[site * FEEDS_PER_SITE + feed + 1]),
          (feed) => extraOf(site * FEEDS_PER_SITE + feed),
        ),
      ),
    ),
  );
  process.on('message', (m: { gain?: number[]; at?: number; forget?: boolean; seen?: boolean }) => {
    if (m.forget) {
      lastServed.clear();
      process.send?.({ ok: true });
    }
    if (m.gain) {
      for (const f of m.gain) extra[f] = 1;
      process.send?.({ ok: true });
    }
    if (m.at !== undefined) {
      at = m.at;
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
