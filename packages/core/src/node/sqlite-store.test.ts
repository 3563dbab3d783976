import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { asyncStoreContract } from '../../test-support/async-store-contract';
import { otherArticle, storeContract, storyArticle } from '../../test-support/store-contract';
import { GazetteError } from '../errors/gazette-error';
import { initialState } from '../follow/poll-schedule';
import { sourceId } from '../follow/source-id';
import type { Article } from '../model/article-schema';
import { asAsyncStore } from '../store/as-async-store';
import { openSqliteStore } from './sqlite-store';
import { STORE_SCHEMA_VERSION } from './store-schema';

const dir = mkdtempSync(join(tmpdir(), 'gazette-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let last = '';

storeContract('sqlite', {
  open: () => {
    last = join(dir, `contract-${++n}.db`);
    return openSqliteStore(last);
  },
  another: () => openSqliteStore(last),
});

asyncStoreContract('sqlite (asAsyncStore)', {
  open: async () => {
    last = join(dir, `async-contract-${++n}.db`);
    return asAsyncStore(openSqliteStore(last), last);
  },
  reopen: async () => asAsyncStore(openSqliteStore(last), last),
  another: async () => asAsyncStore(openSqliteStore(last), last),
  leasesAcrossHandles: true,
});

describe('SQLite store on disk', () => {
  it('uses WAL and passes the integrity check', () => {
    const path = join(dir, 'wal.db');
    const store = openSqliteStore(path);
    store.put(storyArticle('https://example.com/a'));
    store.close();
    const db = new DatabaseSync(path);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe(
      'ok',
    );
    db.close();
  });

  it('upgrades a store written before its near-duplicate bands were kept in a table (schema 1)', () => {
    const path = join(dir, 'schema-1.db');
    const store = openSqliteStore(path);
    const a = storyArticle('https://example.com/a');
    store.put(a);
    store.close();
    // What Gazette with schema 1 left: no fingerprint_bands table.
    const raw = new DatabaseSync(path);
    raw.exec("DROP TABLE fingerprint_bands; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    raw.close();
    const upgraded = openSqliteStore(path);
    const r = upgraded.put(storyArticle('https://mirror.example.org/a'));
    expect(r).toMatchObject({ status: 'duplicate', duplicateOf: a.id });
    upgraded.close();
    const check = new DatabaseSync(path);
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({
      value: String(STORE_SCHEMA_VERSION),
    });
    check.close();
  });

  it('upgrades a store whose band keys were made from the first values of each band (schema 5)', () => {
    const path = join(dir, 'schema-5.db');
    const store = openSqliteStore(path);
    const a = storyArticle('https://example.com/a');
    store.put(a);
    store.close();
    // Keys made another way match none of today's: the near copy below is found only if they are remade.
    const raw = new DatabaseSync(path);
    raw.exec(
      "UPDATE fingerprint_bands SET key = -1 - key; UPDATE meta SET value = '5' WHERE key = 'schema_version'",
    );
    raw.close();
    const upgraded = openSqliteStore(path);
    expect(upgraded.put(storyArticle('https://mirror.example.org/a'))).toMatchObject({
      status: 'duplicate',
      duplicateOf: a.id,
    });
    upgraded.close();
  });

  it('upgrades a store written before firstSeenAt (schema 2): dated by its first saved version', () => {
    const path = join(dir, 'schema-2.db');
    const store = openSqliteStore(path);
    const v1 = storyArticle('https://example.com/seen');
    const v2 = { ...v1, title: `${v1.title} (updated)` };
    const other = otherArticle('https://example.com/other');
    store.put(v1, { now: '2025-01-01T00:00:00Z' });
    store.put(v2, { now: '2025-02-01T00:00:00Z' });
    store.put(other, { now: '2025-03-01T00:00:00Z' });
    store.close();
    // What Gazette with schema 2 left: the same rows, their JSON without firstSeenAt.
    const raw = new DatabaseSync(path);
    for (const row of raw.prepare('SELECT id, json FROM articles').all() as { id: string; json: string }[]) {
      const { firstSeenAt: _none, ...old } = JSON.parse(row.json) as Article;
      raw.prepare('UPDATE articles SET json = ? WHERE id = ?').run(JSON.stringify(old), row.id);
    }
    raw.exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    raw.close();
    const upgraded = openSqliteStore(path);
    expect(upgraded.get(v1.id)?.firstSeenAt).toBe('2025-01-01T00:00:00Z');
    expect(upgraded.get(other.id)?.firstSeenAt).toBe('2025-03-01T00:00:00Z');
    expect(upgraded.put(v2, { now: '2025-04-01T00:00:00Z' }).status).toBe('unchanged');
    upgraded.close();
  });

  it('upgrades a store written before the change log and sources (schema 3): its articles enter the log, and read-only it reads', () => {
    const path = join(dir, 'schema-3.db');
    const store = openSqliteStore(path);
    const v1 = storyArticle('https://example.com/logged');
    const other = otherArticle('https://example.com/logged-other');
    store.put(v1, { now: '2025-01-01T00:00:00Z' });
    store.put({ ...v1, title: `${v1.title} (updated)` }, { now: '2025-02-01T00:00:00Z' });
    store.put(other, { now: '2025-03-01T00:00:00Z' });
    store.close();
    // What Gazette with schema 3 left: no change log, no sources.
    const raw = new DatabaseSync(path);
    raw.exec(
      "DROP TRIGGER articles_logged_added; DROP TRIGGER articles_logged_updated; DROP TABLE changes; DROP TABLE sources; DROP TABLE alerts; DROP TABLE alert_deliveries; UPDATE meta SET value = '3' WHERE key = 'schema_version'",
    );
    raw.close();
    const readOnly = openSqliteStore(path, { readOnly: true });
    expect(readOnly.changes(0)).toEqual({ changes: [], last: 0 });
    expect(readOnly.sources.list()).toEqual([]);
    expect(readOnly.count()).toBe(2);
    readOnly.close();
    const upgraded = openSqliteStore(path);
    expect(upgraded.changes(0).changes.map((c) => [c.id, c.version, c.kind])).toEqual([
      [v1.id, 2, 'updated'],
      [other.id, 1, 'added'],
    ]);
    upgraded.put(otherArticle('https://example.com/logged-third', 3));
    expect(upgraded.changes(2).changes.map((c) => c.kind)).toEqual(['added']);
    upgraded.close();
  });

  it('upgrades a store written before sources were leased (schema 4): read-only it lists, written it leases', () => {
    const path = join(dir, 'schema-4.db');
    const store = openSqliteStore(path);
    const url = 'https://feeds.example/schema-4.xml';
    const now = '2026-03-04T10:00:00.000Z';
    store.sources.follow({ id: sourceId(url), url, full: false, addedAt: now, state: initialState(now) });
    store.close();
    // What Gazette with schema 4 left: sources without lease columns.
    const raw = new DatabaseSync(path);
    raw.exec(
      "ALTER TABLE sources DROP COLUMN lease_owner; ALTER TABLE sources DROP COLUMN lease_until; UPDATE meta SET value = '4' WHERE key = 'schema_version'",
    );
    raw.close();
    const readOnly = openSqliteStore(path, { readOnly: true });
    expect(readOnly.sources.list().map((s) => s.url)).toEqual([url]);
    readOnly.close();
    const upgraded = openSqliteStore(path);
    const lease = { now, until: '2026-03-04T10:05:00.000Z', limit: 5 };
    expect(upgraded.sources.lease({ worker: 'a', ...lease }).map((s) => s.url)).toEqual([url]);
    expect(upgraded.sources.lease({ worker: 'b', ...lease })).toEqual([]);
    upgraded.close();
  });

  it('refuses a followed source or an alert damaged in the file with a store error, not a parse error', () => {
    const path = join(dir, 'damaged-rows.db');
    const store = openSqliteStore(path);
    const now = '2026-03-04T10:00:00.000Z';
    store.sources.follow({
      id: 's1',
      url: 'https://feeds.example/a.xml',
      full: false,
      addedAt: now,
      state: initialState(now),
    });
    store.alerts.add({ id: 'a1', query: 'harbour', secret: 's', createdAt: now });
    store.close();
    const raw = new DatabaseSync(path);
    raw.exec(`UPDATE sources SET state = '{"failures": ' ; UPDATE alerts SET json = '{"id": 1}'`);
    raw.close();
    const again = openSqliteStore(path);
    try {
      expect(() => again.sources.list()).toThrow(/holds a followed source it cannot read/);
      expect(() => again.alerts.list()).toThrow(/holds an alert it cannot read/);
      expect(() => again.sources.list()).toThrow(GazetteError);
    } finally {
      again.close();
    }
  });

  it('says clearly when the path cannot hold a store', () => {
    openSqliteStore(join(dir, 'ok.db')).close();
    // A path under a regular file: its folder is not a folder.
    expect(() => openSqliteStore(join(dir, 'ok.db', 'x.db'))).toThrow(/Cannot open the store .*x\.db/);
    expect(() => openSqliteStore(dir)).toThrow(GazetteError);
  });

  it('on a full disk fails with a clear error and keeps what was stored', () => {
    const path = join(dir, 'full.db');
    const store = openSqliteStore(path);
    const first = storyArticle('https://example.com/kept');
    store.put(first);
    store.close();
    // A size cap just over the current file makes the next large write hit SQLITE_FULL, as a full disk does.
    const capped = openSqliteStore(path, { maxBytes: statSync(path).size + 24 * 1024 });
    const big = Array.from({ length: 300 }, (_, i) => otherArticle(`https://example.com/big/${i}`, i));
    expect(() => capped.putMany(big)).toThrow(/disk is full/);
    expect(capped.count()).toBe(1);
    expect(capped.get(first.id)?.title).toBe(first.title);
    // The store still works for what fits.
    expect(capped.put(otherArticle('https://example.com/small', 1)).status).toBe('added');
    capped.close();
    const db = new DatabaseSync(path);
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe(
      'ok',
    );
    db.close();
  });
});
