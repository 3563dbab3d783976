import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedItem, type FeedServer, startFeedServer } from '../support/feed-server';
import { gazette } from '../support/run-process';
import { collectEvents, waitFor } from '../support/sse-collector';
import { testTempDir } from '../support/test-resources';
import { openForTest, TEST_STORE_KINDS, type TestStore } from '../support/test-stores';
import { NODE_CLI, startPrintingApi } from './support/start-api';

// The "done when", end to end with real processes on loopback: a followed feed gains items while
// the API (started before they existed) runs; one `gazette watch --once` stores them; search, the change
// log, the stream and the alert's webhook each show every new item exactly once, within the stated 1 s.
// Run once per kind of store (test-stores.ts).
const dir = testTempDir('live-e2e');
let feeds: FeedServer;
const stores: TestStore[] = [];
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(async () => {
  await feeds?.close();
  for (const store of stores) await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const harbour: FeedItem[] = [
  {
    guid: 'h-1',
    title: 'Council votes on the sea wall',
    text: 'The harbour council voted on the sea wall budget.',
  },
  { guid: 'h-2', title: 'Ferry timetable changes', text: 'Winter ferries leave the harbour an hour later.' },
];
const lighthouse: FeedItem[] = [
  {
    guid: 'l-1',
    title: 'Lighthouse keeper retires',
    text: 'After forty years the lighthouse keeper hands over the lamp.',
  },
  {
    guid: 'l-2',
    title: 'Lighthouse museum opens',
    text: 'Schoolchildren were first through the doors of the new lighthouse museum.',
  },
  {
    guid: 'l-3',
    title: 'Storm damages lighthouse stairs',
    text: 'Engineers inspect the spiral stairs of the lighthouse after Sunday gales.',
  },
];

const cli = async (args: string[]) => {
  const r = await gazette(args, { timeoutMs: 90_000 });
  expect(r.code, `gazette ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
};
interface ChangePage {
  changes: Array<{ seq: number; id: string; kind: string; savedAt: string }>;
  nextCursor: string;
}
interface Delivery {
  alert: { id: string };
  articles: Array<{ id: string; title: string }>;
}
const counts = (xs: string[]) => [...new Set(xs)].map((x) => xs.filter((y) => y === x).length);

describe.each(TEST_STORE_KINDS)(
  'a followed feed in a $name store, live through the API, the stream and an alert',
  (kind) => {
    it('shows new items in search, /v1/changes, /v1/stream and the webhook, each once, within the stated time', async (ctx) => {
      const store = await openForTest(kind, ctx, dir, 'live', stores);
      const db = store.db;
      feeds.hooked.length = 0;
      feeds.feeds.set('/news.xml', [...harbour]);
      await cli(['follow', `${feeds.base}/news.xml`, '--db', db]);
      expect(JSON.parse(await cli(['watch', '--once', '--db', db, '--json']))).toMatchObject({ added: 2 });
      const added = JSON.parse(
        await cli(['alert', 'add', 'lighthouse', '--webhook', `${feeds.base}/hook`, '--db', db, '--json']),
      ) as { alert: { id: string; secret: string } };

      const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: db });
      const abort = new AbortController();
      try {
        const search = async () =>
          (await getJson<{ total: number }>(`${api.url}/v1/search?q=lighthouse`)).total;
        expect(await search()).toBe(0);
        const opened = await fetch(`${api.url}/v1/stream?q=lighthouse`, { signal: abort.signal });
        expect(opened.status).toBe(200);
        const stream = collectEvents(opened.body!);
        const before = await getJson<ChangePage>(`${api.url}/v1/changes?limit=1000`);
        expect(before.changes).toHaveLength(2);

        // Every reader is watched from before the poll starts, so what shows up is timed as it shows up.
        const seenAt: Record<string, number> = {};
        let after: ChangePage = { changes: [], nextCursor: '' };
        const visible = async (name: string, check: () => Promise<boolean> | boolean) => {
          expect(await waitFor(check, 60_000), `${name} within 60 s`).toBe(true);
          seenAt[name] = Date.now();
        };
        const readers = Promise.all([
          visible('search', async () => (await search()) === 3),
          visible('changes', async () => {
            after = await getJson<ChangePage>(`${api.url}/v1/changes?since=${before.nextCursor}&limit=1000`);
            return after.changes.length >= 3;
          }),
          visible('stream', () => stream.events.length >= 3),
          visible('webhook', () => feeds.hooked.length >= 1),
        ]);
        feeds.feeds.set('/news.xml', [...lighthouse, ...harbour]);
        const watchStarted = Date.now();
        const watch = JSON.parse(await cli(['watch', '--once', '--db', db, '--json'])) as { added: number };
        const watchEnded = Date.now();
        expect(watch.added).toBe(3);
        await readers;
        // The commit is no later than the watch's exit; the changes' savedAt (taken when the poll began) is
        // earlier still, so timing from it overstates the delay, never understates it.
        const committed = Math.max(...after.changes.map((c) => Date.parse(c.savedAt)));
        expect(committed).toBeGreaterThanOrEqual(watchStarted - 1000);
        const delay = (name: string) => seenAt[name]! - committed;
        console.log(
          `${kind.name}: watch --once ran ${watchEnded - watchStarted} ms; after the poll's savedAt: search ${delay('search')} ms, ` +
            `/v1/changes ${delay('changes')} ms, /v1/stream ${delay('stream')} ms, webhook ${delay('webhook')} ms ` +
            `(after the watch exited: ${['search', 'changes', 'stream', 'webhook'].map((n) => seenAt[n]! - watchEnded).join(', ')} ms)`,
        );

        // Let anything late or repeated arrive before counting.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await search()).toBe(3);
        const ids = after.changes.map((c) => c.id);
        expect(counts(ids)).toEqual([1, 1, 1]);
        const again = await getJson<ChangePage>(
          `${api.url}/v1/changes?since=${before.nextCursor}&limit=1000`,
        );
        expect(again.changes.map((c) => c.id)).toEqual(ids);

        const streamed = stream.events.map((e) => {
          expect(e.event).toBe('article');
          return (JSON.parse(e.data) as { article: { id: string } }).article.id;
        });
        expect(streamed.sort()).toEqual([...ids].sort());

        const hooked = feeds.hooked.map((h) => {
          expect(h.signature).toBe(
            `sha256=${createHmac('sha256', added.alert.secret).update(h.body).digest('hex')}`,
          );
          return JSON.parse(h.body) as Delivery;
        });
        expect(new Set(feeds.hooked.map((h) => h.idempotencyKey)).size).toBe(feeds.hooked.length);
        const delivered = hooked.flatMap((d) => {
          expect(d.alert.id).toBe(added.alert.id);
          return d.articles.map((a) => a.id);
        });
        expect(delivered.sort()).toEqual([...ids].sort());
        expect(hooked.flatMap((d) => d.articles.map((a) => a.title)).sort()).toEqual(
          lighthouse.map((i) => i.title).sort(),
        );

        // The stated bound: visible to every reader within 1 s of the poll's commit.
        expect(Math.max(delay('search'), delay('changes'), delay('stream'))).toBeLessThanOrEqual(1000);
        await stream.stop();
      } finally {
        abort.abort();
        await api.stop();
      }
    }, 240_000);
  },
);
