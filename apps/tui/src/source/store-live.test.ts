import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@gazette/core/node';
import { createAlert } from '@gazette/core/query';
import { afterAll, describe, expect, it } from 'vitest';
import { macronArticle, nigerArticle } from '../testing/fixture-articles';
import { alertedAmong, type LiveEvent, liveFeed } from './live-feed';
import { openStoreLive } from './store-live';

const dir = mkdtempSync(join(tmpdir(), 'gazette-store-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until<T>(what: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a store followed by the UI', () => {
  it("tells what another writer commits, marking what matches the store's alerts", async () => {
    const db = join(dir, 'followed.db');
    const writer = openSqliteStore(db);
    writer.put(macronArticle());
    writer.alerts.add(createAlert({ query: 'airspace' }, '2024-01-01T00:00:00Z'));
    const { live, alerts } = await openStoreLive(db);
    try {
      const feed = liveFeed(live, (changed) =>
        alertedAmong(alerts(), changed, (id) => live.corpus().get(id)),
      );
      const events: LiveEvent[] = [];
      feed.subscribe((event) => events.push(event));
      expect(live.corpus().size).toBe(1);
      const niger = nigerArticle();
      writer.put(niger);
      const event = await until(() => events.find((e) => e.kind === 'changed'));
      expect(event).toEqual({ kind: 'changed', changed: [niger.id], alerted: [niger.id] });
      expect(live.corpus().get(niger.id)?.title).toBe(niger.title);
    } finally {
      await live.close();
      writer.close();
    }
  }, 60_000);
});
