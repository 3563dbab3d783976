// Following 1,000 feeds on loopback: how long `gazette follow` takes to check them, a first poll round that
// stores every item, a round where nothing changed (each feed a 304), and a round where a tenth of the feeds
// gained an item. 100 local servers (one "site" each, 10 feeds per site) on 127.0.0.1, so the poller's
// limits (one request at a time per host, 4 in all) shape the figures as they would on the web. Items are
// GENERATED news (BBC paragraphs recombined, seeded). Written to the section `live-follow` of
// docs/benchmarks.md.
// Run: npm run bench:live -w @gazette/core
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_SHARED, SHARED_MISSING, writeBenchSection } from '@gazette/bench-corpora';
import { followSources } from '../../src/node/follow-sources';
import { createPoller, type PollSummary } from '../../src/node/poll-sources';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { FEEDS_PER_SITE, ITEMS_PER_FEED, SITES } from './feed-sites-shape';
import { countInFlight, startSites } from './feed-sites-process';
import { simulateHour } from './follow-hour';
import { asyncOf } from '../../test-support/async-of';

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

const row = (name: string, ms: number, s: PollSummary | undefined, requests: number, notModified: number) =>
  `| ${name} | ${(ms / 1000).toFixed(1)} s | ${requests.toLocaleString('en')} | ${notModified.toLocaleString('en')} | ${s ? s.added.toLocaleString('en') : '–'} | ${s ? s.failedSources : '–'} |`;

async function main(): Promise<void> {
  if (!HAS_SHARED) {
    console.log(`bench:live skipped: ${SHARED_MISSING}`);
    return;
  }
  const sites = await startSites();
  const inFlight = countInFlight();
  const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-live-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  try {
    const urls = sites.bases.flatMap((base) =>
      Array.from({ length: FEEDS_PER_SITE }, (_, f) => `${base}/feed${f}.xml`),
    );
    const rows: string[] = [];
    const round = async (name: string, fn: () => Promise<PollSummary | undefined>) => {
      const before = await sites.seen();
      const { value, ms } = await timed(fn);
      const after = await sites.seen();
      rows.push(
        row(name, ms, value, after.requests - before.requests, after.notModified - before.notModified),
      );
      console.log(rows.at(-1));
    };
    await round(
      `follow ${urls.length.toLocaleString('en')} feeds (each fetched once to check it)`,
      async () => {
        const results = await followSources(asyncOf(store), urls);
        const failed = results.filter((r) => r.error).length;
        if (failed) throw new Error(`${failed} feeds could not be followed`);
        return undefined;
      },
    );
    const poller = createPoller({ all: true });
    await round('first round: every item new', () => poller.poll(asyncOf(store)));
    await round('nothing changed (every feed answers 304)', () => poller.poll(asyncOf(store)));
    await sites.gain(Array.from({ length: (SITES * FEEDS_PER_SITE) / 10 }, (_, i) => i * 10));
    await round('a tenth of the feeds gained one item', () => poller.poll(asyncOf(store)));
    const md = [
      `${SITES} sites × ${FEEDS_PER_SITE} feeds × ${ITEMS_PER_FEED} items (GENERATED news) on 127.0.0.1; one request at a time per site, 4 in all (the poller's defaults); a SQLite store.`,
      '',
      '| round | wall | requests | 304 | stored | failed sources |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Most requests in flight at once: ${inFlight.max} in all, ${inFlight.maxPerHost} to one site.`,
      '',
      await simulateHour(inFlight),
    ].join('\n');
    writeBenchSection('live-follow', 'Following 1,000 feeds (loopback)', md, {
      now: new Date(),
      command: 'npm run bench:live -w @gazette/core',
    });
  } finally {
    store.close();
    sites.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
