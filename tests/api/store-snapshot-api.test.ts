import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { damageSection, keptSegmentFile } from '../support/damage-snapshot';
import { ingestTopic } from './support/ingest-topic';
import { startPrintingApi } from './support/start-api';

// The API reads a store through the segments kept beside it: it must serve the store's own articles,
// never a deleted store's, and a damaged kept segment must not make every request fail.
const dir = mkdtempSync(join(tmpdir(), 'gazette-api-snap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (db: string, topic: string) => ingestTopic(dir, db, topic, 5);

/** Starts the API on the store, reads every article listed (each by id) and stops it. */
async function served(db: string): Promise<{ titles: string[]; statuses: number[] }> {
  const api = await startPrintingApi([`${REPO_ROOT}apps/api/dist/node/cli.js`], { GAZETTE_DB: db });
  try {
    const res = await fetch(`${api.url}/v1/articles?limit=20`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: Array<{ id: string; title: string }> };
    const statuses = await Promise.all(
      list.items.map(async (a) => (await fetch(`${api.url}/v1/articles/${encodeURIComponent(a.id)}`)).status),
    );
    return { titles: list.items.map((a) => a.title).sort(), statuses };
  } finally {
    await api.stop();
  }
}

describe('the API over a store with kept segments', () => {
  const db = join(dir, 'news.db');

  it("serves the store's articles, not the kept segments of a deleted store with as many", async () => {
    await ingest(db, 'harbour');
    expect((await served(db)).titles.every((t) => t.startsWith('harbour'))).toBe(true);
    rmSync(db);
    await ingest(db, 'orchard');
    const now = await served(db);
    expect(now.titles).toHaveLength(5);
    expect(now.titles.every((t) => t.startsWith('orchard'))).toBe(true);
    expect(now.statuses).toEqual([200, 200, 200, 200, 200]);
  }, 180_000);

  it('answers every article after a kept segment is damaged in its article records', async () => {
    damageSection(keptSegmentFile(db), 'articles.bytes');
    const now = await served(db);
    expect(now.titles).toHaveLength(5);
    expect(now.statuses).toEqual([200, 200, 200, 200, 200]);
  }, 120_000);
});
