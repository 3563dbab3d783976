import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openForTest, TEST_STORE_KINDS, type TestStore } from '../support/test-stores';
import { ingestTopic } from './support/ingest-topic';
import { NODE_CLI, startPrintingApi } from './support/start-api';

// The API over a store follows it: what `gazette ingest` commits while the server runs is searchable
// without a restart (the live corpus reads the store's change log every 250 ms, and is woken by
// PostgreSQL's LISTEN/NOTIFY). Run once per kind of store (test-stores.ts).
const dir = mkdtempSync(join(tmpdir(), 'gazette-live-api-'));
const stores: TestStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (db: string, topic: string, count: number) => ingestTopic(dir, db, topic, count);

const hits = async (url: string, q: string) => {
  const res = await fetch(`${url}/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
};

describe.each(TEST_STORE_KINDS)('the API over a live $name store', (kind) => {
  it('finds an article ingested while it runs, without a restart', async (ctx) => {
    const store = await openForTest(kind, ctx, dir, 'news', stores);
    const db = store.db;
    await ingest(db, 'harbour', 3);
    const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: db });
    try {
      expect(await hits(api.url, 'lighthouse')).toBe(0);
      await ingest(db, 'lighthouse', 2);
      const committed = Date.now();
      let total = 0;
      while (total < 2 && Date.now() - committed < 30_000) {
        total = await hits(api.url, 'lighthouse');
        if (total < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(total).toBe(2);
      console.log(`${kind.name}: visible in API search ${Date.now() - committed} ms after the ingest ended`);
      expect(await hits(api.url, 'harbour')).toBe(3);
    } finally {
      await api.stop();
    }
  }, 180_000);
});
