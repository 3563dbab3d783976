import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherArticle } from '../../test-support/store-contract';
import { createCorpus } from '../corpus/create-corpus';
import { readStoreCorpus } from './open-existing-store';
import { openSqliteStore } from './sqlite-store';
import { readStoreSnapshot, storeSnapshotKey, storeSnapshotPath, writeStoreSnapshot } from './store-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'gazette-store-snap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the snapshot kept beside a store', () => {
  const db = join(dir, 'news.db');
  const side = storeSnapshotPath(db);
  const store = openSqliteStore(db);
  store.putMany([otherArticle('https://example.com/a', 1), otherArticle('https://example.com/b', 2)]);
  const revision = store.revision();
  store.close();

  it('is written on the first read and is what later reads load, while the store is unchanged', () => {
    const first = readStoreCorpus(db);
    expect(first.size).toBe(2);
    expect(existsSync(side)).toBe(true);
    // Proof the kept snapshot is what is read: one under the same key, of another corpus, is loaded as is.
    const other = createCorpus([otherArticle('https://example.com/z', 9)]);
    writeStoreSnapshot(side, storeSnapshotKey(revision), other);
    expect(
      readStoreCorpus(db)
        .list()
        .items.map((a) => a.id),
    ).toEqual(other.list().items.map((a) => a.id));
  });

  it('is rebuilt when the store changes, or when it is damaged or foreign', () => {
    const s = openSqliteStore(db);
    s.put(otherArticle('https://example.com/c', 3));
    s.close();
    expect(readStoreCorpus(db).size).toBe(3);
    expect(readStoreSnapshot(side, storeSnapshotKey(revision))).toBeUndefined();
    const bytes = readFileSync(side);
    writeFileSync(side, bytes.subarray(0, bytes.length >> 1)); // cut short
    expect(readStoreCorpus(db).size).toBe(3);
    expect(statSync(side).size).toBe(bytes.length);
    writeFileSync(side, 'not a snapshot');
    expect(readStoreCorpus(db).size).toBe(3);
  });
});
