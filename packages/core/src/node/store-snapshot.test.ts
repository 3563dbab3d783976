import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { keptSnapshotBase, sectionRange } from '../../test-support/snapshot-sections';
import { otherArticle } from '../../test-support/store-contract';
import { createCorpus } from '../corpus/create-corpus';
import type { Article } from '../model/article-schema';
import { readStoreCorpus } from './open-existing-store';
import { openSqliteStore } from './sqlite-store';
import { readStoreSnapshot, storeSnapshotKey, storeSnapshotPath, writeStoreSnapshot } from './store-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'gazette-store-snap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articles = (from: number, count: number, site = 'example.com') =>
  Array.from({ length: count }, (_, i) => otherArticle(`https://${site}/${from + i}`, from + i));

function makeStore(path: string, put: readonly Article[]): { identity: string; revision: string } {
  const store = openSqliteStore(path);
  store.putMany(put);
  const out = { identity: store.identity()!, revision: store.revision() };
  store.close();
  return out;
}

/** Reads the store as the apps do; returns the ids served and the notices written. */
function read(db: string): { ids: string[]; notices: string[] } {
  const notices: string[] = [];
  const corpus = readStoreCorpus(db, { notice: (line) => notices.push(line) });
  return { ids: corpus.list({ limit: 100 }).items.map((a) => a.id), notices };
}

const idsOf = (list: readonly Article[]) => list.map((a) => a.id).sort();

describe('the snapshot kept beside a store', () => {
  const db = join(dir, 'news.db');
  const side = storeSnapshotPath(db);
  const { identity, revision } = makeStore(db, articles(1, 2));

  it('is written on the first read and is what later reads load, while the store is unchanged', () => {
    expect(read(db)).toEqual({ ids: expect.any(Array), notices: [] });
    expect(existsSync(side)).toBe(true);
    // Proof the kept snapshot is what is read: one under the same key, of another corpus, is loaded as is.
    const other = createCorpus([otherArticle('https://example.com/z', 9)]);
    writeStoreSnapshot(side, storeSnapshotKey(identity, revision), other);
    expect(read(db).ids).toEqual([other.list().items[0]!.id]);
  });

  it('is rebuilt, silently, when the store changes', () => {
    makeStore(db, articles(3, 1));
    expect(read(db)).toEqual({ ids: expect.any(Array), notices: [] });
    expect(read(db).ids).toHaveLength(3);
    expect('corpus' in readStoreSnapshot(side, storeSnapshotKey(identity, revision))).toBe(false);
  });

  it('is rebuilt with one notice when it is damaged, and a damaged one is never served', () => {
    const good = readFileSync(side);
    const served = read(db).ids;
    writeFileSync(side, good.subarray(0, good.length >> 1)); // cut short
    expect(read(db)).toEqual({ ids: served, notices: [expect.stringMatching(/is damaged .*rebuilt it/)] });
    expect(statSync(side).size).toBe(good.length);
    writeFileSync(side, 'not a snapshot');
    expect(read(db).notices).toHaveLength(1);
    // One byte changed anywhere (the key, the corpus header, an index list, an article record): refused.
    for (let i = 0; i < good.length; i += Math.max(1, Math.floor(good.length / 40))) {
      const bad = Uint8Array.from(good); // a copy: a Buffer's slice() is a view
      bad[i] = bad[i]! ^ 0x20;
      writeFileSync(side, bad);
      const r = read(db);
      expect(r.ids, `byte ${i}`).toEqual(served);
      expect(r.notices, `byte ${i}`).toEqual([expect.stringMatching(/is damaged \(.*\); rebuilt it/)]);
    }
  });

  it('is checked whole at load, its stored texts and records too, so a damaged one is rebuilt before it is served', () => {
    read(db);
    const good = readFileSync(side);
    // The sections a plain load checks as they are read, each damaged in its last byte.
    const lazy = ['texts.bytes', 'articles.bytes', 'articles.strings.bytes'];
    for (const name of lazy) {
      const [start, end] = sectionRange(good, name, keptSnapshotBase(good));
      expect(end, name).toBeGreaterThan(start);
      const bad = Uint8Array.from(good); // a copy: a Buffer's slice() is a view
      bad[end - 1] = bad[end - 1]! ^ 0x20;
      writeFileSync(side, bad);
      const r = read(db);
      expect(r.notices, name).toEqual([expect.stringMatching(/is damaged \(.*checksum\); rebuilt it/)]);
    }
  });

  it('is not served for a store deleted and made again at the same path, with as many articles', () => {
    const path = join(dir, 'again.db');
    makeStore(path, articles(10, 5));
    const before = read(path);
    expect(before.ids.sort()).toEqual(idsOf(articles(10, 5)));
    rmSync(path);
    makeStore(path, articles(20, 5, 'other.example'));
    const after = read(path);
    expect(after.ids.sort()).toEqual(idsOf(articles(20, 5, 'other.example')));
    expect(after.notices).toEqual([expect.stringMatching(/again\.db\.snapshot is foreign .*rebuilt it/)]);
    expect(read(path).notices).toEqual([]);
  });

  it('is not served when copied from another store with the same counts', () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    makeStore(a, articles(30, 3));
    makeStore(b, articles(40, 3));
    read(a);
    read(b);
    writeFileSync(storeSnapshotPath(b), readFileSync(storeSnapshotPath(a)));
    const r = read(b);
    expect(r.ids.sort()).toEqual(idsOf(articles(40, 3)));
    expect(r.notices).toEqual([expect.stringMatching(/is foreign/)]);
  });

  it('changes revision on any change to the articles, even one made outside Gazette', () => {
    const path = join(dir, 'edited.db');
    const { revision: r0 } = makeStore(path, articles(50, 2));
    read(path);
    // Same count, same last seq, same sum of versions: only the triggers see this edit.
    const raw = new DatabaseSync(path);
    raw.exec("UPDATE articles SET json = replace(json, 'Report 50', 'Edited 50') WHERE seq = 1");
    raw.close();
    const store = openSqliteStore(path, { readOnly: true });
    expect(store.revision()).not.toBe(r0);
    store.close();
    const titles = readStoreCorpus(path, { notice: () => {} })
      .list({ limit: 10 })
      .items.map((x) => x.title);
    expect(titles.some((t) => t.startsWith('Edited 50'))).toBe(true);
  });

  it('is not kept for a store an older Gazette made (no id) until a write gives it one', () => {
    const path = join(dir, 'old.db');
    makeStore(path, articles(60, 2));
    const raw = new DatabaseSync(path);
    // What schema 1 (before store ids) left: no id, no revision triggers, no near-duplicate bands.
    raw.exec("DELETE FROM meta WHERE key != 'schema_version'");
    raw.exec("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    raw.exec('DROP TABLE fingerprint_bands');
    for (const t of ['articles_added', 'articles_updated', 'articles_removed']) raw.exec(`DROP TRIGGER ${t}`);
    raw.close();
    rmSync(storeSnapshotPath(path), { force: true });
    const r = read(path);
    expect(r.ids).toHaveLength(2);
    expect(r.notices).toEqual([expect.stringMatching(/older Gazette and has no id yet/)]);
    expect(existsSync(storeSnapshotPath(path))).toBe(false);
    makeStore(path, []);
    expect(read(path).notices).toEqual([]);
    expect(existsSync(storeSnapshotPath(path))).toBe(true);
  });
});
