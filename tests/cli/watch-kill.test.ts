import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_CLI, startPrintingApi } from '../api/support/start-api';
import { type FeedItem, type FeedServer, startFeedServer } from '../support/feed-server';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { onProcessEnd, testTempDir } from '../support/test-resources';
import { seededRandom } from '../../packages/core/test-support/seeded-random';

// kill -9 during a poll loses nothing and duplicates nothing: `gazette watch --once` over 5 feeds (one
// host, so they are polled one after another, each answer held 250 ms) is killed at seeded random moments,
// each round after every feed gained 8 items (so each kill falls on work), up to 40 items a feed; then one
// uninterrupted run finishes the job. The store, `gazette list` and the
// API that followed the store all the while must then hold every item exactly once.
const FEEDS = 5;
const PER_FEED = 40;
const ROUNDS = 5;
const dir = testTempDir('watch-kill');
let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer({ delayMs: 250 });
});
afterAll(async () => {
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

const WORDS =
  'quarry orchard tunnel ballot vaccine glacier tariff stadium reactor pension verdict drought festival wildfire pipeline harvest merger runway satellite protest'.split(
    ' ',
  );
/** Items whose texts share little, so none is taken for a near-duplicate of another. */
function feedItems(feed: number, random: () => number): FeedItem[] {
  return Array.from({ length: PER_FEED }, (_, i) => {
    const words = Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)]);
    const guid = `f${feed}-item-${i}`;
    return {
      guid,
      title: `Tidewater report ${feed * 100 + i}: ${words.slice(0, 3).join(' ')}`,
      text: `Tidewater desk ${guid} ${words.join(' ')} number ${feed * 1000 + i * 37}.`,
    };
  });
}

/** Runs `watch --once` and kills it with SIGKILL after `killAfterMs`; says whether it was still running. */
async function killedWatch(db: string, killAfterMs: number): Promise<boolean> {
  const child: ChildProcess = spawn(process.execPath, [GAZETTE_BIN, 'watch', '--once', '--db', db], {
    stdio: 'ignore',
  });
  const forget = onProcessEnd(() => child.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, killAfterMs))]);
  const running = !finished;
  child.kill('SIGKILL');
  await exited;
  forget();
  return running;
}

const run = async (args: string[]) => {
  const r = await gazette(args, { timeoutMs: 120_000 });
  expect(r.code, `gazette ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
/** The store's articles, as `gazette export` writes them (one per line). */
async function exported(db: string): Promise<Array<{ id: string; url: string }>> {
  return (await run(['export', '--format', 'ndjson', '--db', db]))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; url: string });
}
const duplicates = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('kill -9 during a poll', () => {
  it('loses nothing and duplicates nothing, in the store, in gazette list and in the live API', async () => {
    const random = seededRandom(16);
    const db = join(dir, 'killed.db');
    const byFeed = Array.from({ length: FEEDS }, (_, f) => feedItems(f, random));
    const all = byFeed.flat();
    // Each round the feeds show 8 more items, the newest first, as a feed does.
    const reveal = (count: number) => {
      for (const [f, items] of byFeed.entries())
        feeds.feeds.set(`/feed-${f}.xml`, items.slice(0, count).reverse());
    };
    reveal(PER_FEED / ROUNDS);
    await run([
      'follow',
      ...Array.from({ length: FEEDS }, (_, f) => `${feeds.base}/feed-${f}.xml`),
      '--db',
      db,
    ]);
    await run(['alert', 'add', 'tidewater', '--webhook', `${feeds.base}/hook`, '--db', db]);
    const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: db });
    try {
      const rounds: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        reveal(((round + 1) * PER_FEED) / ROUNDS);
        const killAfterMs = 200 + Math.floor(random() * 1600);
        const running = await killedWatch(db, killAfterMs);
        const stored = await exported(db);
        expect(duplicates(stored.map((a) => a.url)), `round ${round}`).toEqual([]);
        rounds.push(`${killAfterMs} ms${running ? '' : ' (had finished)'}: ${stored.length} stored`);
      }
      console.log(`kill -9 rounds: ${rounds.join('; ')}`);

      const last = JSON.parse(await run(['watch', '--once', '--db', db, '--json'])) as { failed: unknown[] };
      expect(last.failed).toEqual([]);
      const stored = await exported(db);
      const wanted = all.map((it) => `${feeds.base}/story/${it.guid}`).sort();
      expect(stored.map((a) => a.url).sort()).toEqual(wanted);
      expect(duplicates(stored.map((a) => a.id))).toEqual([]);

      const listedIds: string[] = [];
      for (let cursor: string | undefined; ; ) {
        const args = [
          'list',
          '--limit',
          '100',
          '--db',
          db,
          '--json',
          ...(cursor ? ['--cursor', cursor] : []),
        ];
        const page = JSON.parse(await run(args)) as {
          total: number;
          items: Array<{ id: string }>;
          nextCursor?: string | null;
        };
        expect(page.total).toBe(all.length);
        listedIds.push(...page.items.map((a) => a.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(listedIds.sort()).toEqual(stored.map((a) => a.id).sort());

      // The API read the store through every kill: once it has caught up it agrees, each article once.
      let health = { articles: 0 };
      for (const deadline = Date.now() + 30_000; Date.now() < deadline && health.articles !== all.length; ) {
        health = (await (await fetch(`${api.url}/healthz`)).json()) as { articles: number };
        if (health.articles !== all.length) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(health.articles).toBe(all.length);
      const search = (await (await fetch(`${api.url}/v1/search?q=tidewater&limit=1`)).json()) as {
        total: number;
      };
      expect(search.total).toBe(all.length);
      const changed: string[] = [];
      for (let since = '0'; ; ) {
        const page = (await (await fetch(`${api.url}/v1/changes?since=${since}&limit=1000`)).json()) as {
          changes: Array<{ id: string; kind: string }>;
          nextCursor: string;
        };
        changed.push(...page.changes.map((c) => c.id));
        if (page.changes.length === 0) break;
        since = page.nextCursor;
      }
      expect(new Set(changed)).toEqual(new Set(stored.map((a) => a.id)));

      // The alert matches every item: each reached the webhook at least once, whatever the kills cut short.
      const delivered = feeds.hooked.flatMap((h) =>
        (JSON.parse(h.body) as { articles: Array<{ id: string }> }).articles.map((a) => a.id),
      );
      console.log(
        `webhook: ${feeds.hooked.length} POSTs, ${delivered.length} matches, ${new Set(delivered).size} distinct`,
      );
      expect(stored.map((a) => a.id).filter((id) => !delivered.includes(id))).toEqual([]);
      // At least once, by batch: a batch may come again (same Idempotency-Key), an article never in two batches.
      const batchOf = new Map<string, string>();
      for (const h of feeds.hooked)
        for (const a of (JSON.parse(h.body) as { articles: Array<{ id: string }> }).articles) {
          expect(batchOf.get(a.id) ?? h.idempotencyKey, a.id).toBe(h.idempotencyKey);
          batchOf.set(a.id, h.idempotencyKey!);
        }
    } finally {
      await api.stop();
    }
  }, 300_000);
});
