import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../support/feed-server';
import { testTempDir } from '../support/test-resources';
import { openForTest, TEST_STORE_KINDS, type TestStore } from '../support/test-stores';
import { type MultiProcessPlan, runMultiProcess, stopRunning } from './multi-process-run';

// Issue 17's multi-process test, as a user runs the parts: one loopback feed server, 200 followed feeds
// that grow, 3 `gazette watch` processes and 2 API replicas (GAZETTE_DB, as `npm start` starts them) over
// one store; a worker is killed with SIGKILL at 10 seeded moments (and started again), then all are killed
// and poll once more together (`watch --once`, the feeds at their last stage). Every item must be stored exactly once, both replicas must show the final
// version within 2 s of the last commit, and the same searches must give the same hits on both. Run once
// per kind of store (test-stores.ts).
const PLAN: MultiProcessPlan = {
  seed: 17,
  feeds: 200,
  perFeed: 4,
  stages: 5,
  workers: 3,
  replicas: 2,
  kills: 10,
  windowMs: 20_000,
};
const dir = testTempDir('multi-process');
let server: FeedServer;
const stores: TestStore[] = [];
beforeAll(async () => {
  // Each answer held 20 ms: a poll of 200 feeds takes long enough for kills to fall in the middle of it.
  server = await startFeedServer({ delayMs: 20 });
});
afterAll(async () => {
  // Workers and replicas of a run cut short (a failure, a timeout) are killed before the store goes.
  await stopRunning();
  await server?.close();
  for (const store of stores) await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const duplicates = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe.each(TEST_STORE_KINDS)('several watch workers and API replicas over one $name store', (kind) => {
  it('stores every item of 200 growing feeds exactly once through 10 kill -9s; both replicas agree within 2 s and answer alike', async (ctx) => {
    const store = await openForTest(kind, ctx, dir, `multi-${kind.name}`, stores);
    const run = await runMultiProcess(PLAN, store.db, server);
    console.log(
      `${kind.name}: ${run.wanted.length} items, ${run.storedUrls.length} stored; kills ${run.kills.join(', ')}; catch-up rounds ${run.catchUpRounds}; ${run.windowFetches} feed fetches while the workers ran; replicas agreed ${run.agreedAfterMs} ms after the last commit; ${JSON.stringify(run.timings)}`,
    );

    expect(duplicates(run.storedUrls)).toEqual([]);
    expect(duplicates(run.storedIds)).toEqual([]);
    expect([...run.storedUrls].sort()).toEqual([...run.wanted].sort());

    // Segments may differ (each replica merges on its own); what they serve may not.
    const served = run.health.map((h) => ({
      articles: h.articles,
      revision: h.version?.revision,
      seq: h.version?.seq,
    }));
    expect(served[0]?.articles).toBe(run.wanted.length);
    expect(served[1]).toEqual(served[0]);
    expect(run.agreedAfterMs).toBeLessThanOrEqual(2_000);

    const hits = run.searches.map((answers) =>
      answers.map((r) => ({ total: r.total, ids: r.hits.map((h) => h.id) })),
    );
    expect(hits[0]![0]!.total).toBe(run.wanted.length);
    expect(hits[0]!.every((r) => r.ids.length > 0)).toBe(true);
    expect(hits[1]).toEqual(hits[0]);
  }, 240_000);
});
