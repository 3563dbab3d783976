import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { sectionRange } from '../../test-support/snapshot-sections';
import { otherArticle } from '../../test-support/store-contract';
import type { Article } from '../model/article-schema';
import { keptSegmentsDir, type SegmentsManifest } from './kept-segments';
import { readStoreCorpus } from './read-store-corpus';
import { openSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'gazette-kept-segments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articles = (from: number, count: number, site = 'example.com') =>
  Array.from({ length: count }, (_, i) => otherArticle(`https://${site}/${from + i}`, from + i));

function put(path: string, list: readonly Article[]): void {
  const store = openSqliteStore(path);
  store.putMany(list);
  store.close();
}

/** Reads the store as the apps do; returns the ids served and the notices written. */
async function read(db: string): Promise<{ ids: string[]; notices: string[] }> {
  const notices: string[] = [];
  const corpus = await readStoreCorpus(db, { notice: (line) => notices.push(line) });
  return {
    ids: corpus
      .list({ limit: 100 })
      .items.map((a) => a.id)
      .sort(),
    notices,
  };
}

const idsOf = (list: readonly Article[]) => list.map((a) => a.id).sort();
const manifestOf = (db: string) =>
  JSON.parse(readFileSync(join(keptSegmentsDir(db), 'manifest.json'), 'utf8')) as SegmentsManifest;
const segmentFile = (db: string, i: number) => join(keptSegmentsDir(db), manifestOf(db).segments[i]!.file);

describe('the segments kept beside a store', () => {
  const db = join(dir, 'news.db');
  put(db, articles(1, 3));

  it('are written on the first read and are what later reads load', async () => {
    expect(await read(db)).toEqual({ ids: idsOf(articles(1, 3)), notices: [] });
    const m = manifestOf(db);
    expect(m.segments).toHaveLength(1);
    expect(m.segments[0]).toMatchObject({ from: 0, to: 3 });
    // Proof the kept segment is what is read: another store's segment file under this manifest is loaded.
    const other = join(dir, 'other.db');
    put(other, articles(100, 3, 'other.example'));
    await read(other);
    const otherManifest = manifestOf(other);
    writeFileSync(segmentFile(db, 0), readFileSync(segmentFile(other, 0)));
    writeFileSync(
      join(keptSegmentsDir(db), 'manifest.json'),
      JSON.stringify({ ...m, segments: [{ ...otherManifest.segments[0], file: m.segments[0]!.file }] }),
    );
    expect((await read(db)).ids).toEqual(idsOf(articles(100, 3, 'other.example')));
    rmSync(keptSegmentsDir(db), { recursive: true });
  });

  it('grow by a tail of what was committed since, not a rebuild: the big segment is loaded as kept', async () => {
    await read(db);
    const first = manifestOf(db).segments[0]!;
    put(db, [...articles(4, 2), { ...articles(1, 1)[0]!, title: 'Report 1, updated' }]);
    const r = await read(db);
    expect(r).toEqual({ ids: idsOf(articles(1, 5)), notices: [] });
    const m = manifestOf(db);
    expect(m.segments[0]).toEqual(first);
    expect(m.segments[1]).toMatchObject({ from: 3, to: 6 });
    const titles = (await readStoreCorpus(db, { notice: () => {} }))
      .list({ limit: 10 })
      .items.map((a) => a.title);
    expect(titles).toContain('Report 1, updated');
    expect(titles.filter((t) => t.startsWith('Report 1'))).toHaveLength(1);
  });

  it('are rebuilt with one notice when one is damaged, and a damaged one is never served', async () => {
    const served = (await read(db)).ids;
    const file = segmentFile(db, 0);
    const good = readFileSync(file);
    writeFileSync(file, good.subarray(0, good.length >> 1)); // cut short
    expect(await read(db)).toEqual({
      ids: served,
      notices: [expect.stringMatching(/is damaged .*rebuilt it/)],
    });
    for (let i = 0; i < good.length; i += Math.max(1, Math.floor(good.length / 30))) {
      writeFileSync(
        segmentFile(db, 0),
        Uint8Array.from(good, (b, j) => (j === i ? b ^ 0x20 : b)),
      );
      const r = await read(db);
      expect(r.ids, `byte ${i}`).toEqual(served);
      expect(r.notices, `byte ${i}`).toEqual([expect.stringMatching(/is damaged \(.*\); rebuilt it/)]);
    }
    writeFileSync(join(keptSegmentsDir(db), 'manifest.json'), '{"store":');
    expect(await read(db)).toEqual({
      ids: served,
      notices: [expect.stringMatching(/are damaged .*rebuilt them/)],
    });
    expect((await read(db)).notices).toEqual([]);
  });

  it('are checked whole at load, stored texts and records too', async () => {
    await read(db);
    const file = segmentFile(db, 0);
    const good = readFileSync(file);
    for (const name of ['texts.bytes', 'articles.bytes', 'articles.strings.bytes']) {
      const [start, end] = sectionRange(good, name);
      expect(end, name).toBeGreaterThan(start);
      const bad = Uint8Array.from(good);
      bad[end - 1] = bad[end - 1]! ^ 0x20;
      // The manifest's checksum is of the file as written: damage it, and recompute nothing.
      writeFileSync(segmentFile(db, 0), bad);
      expect((await read(db)).notices, name).toEqual([expect.stringMatching(/is damaged/)]);
    }
  });

  it('are not served for a store deleted and made again at the same path', async () => {
    const path = join(dir, 'again.db');
    put(path, articles(10, 5));
    expect((await read(path)).ids).toEqual(idsOf(articles(10, 5)));
    rmSync(path);
    put(path, articles(20, 5, 'other.example'));
    const after = await read(path);
    expect(after.ids).toEqual(idsOf(articles(20, 5, 'other.example')));
    expect(after.notices).toEqual([expect.stringMatching(/again\.db\.segments are foreign .*rebuilt them/)]);
    expect((await read(path)).notices).toEqual([]);
  });

  it('are not served when copied from another store', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    put(a, articles(30, 3));
    put(b, articles(40, 3));
    await read(a);
    await read(b);
    rmSync(keptSegmentsDir(b), { recursive: true });
    cpSync(keptSegmentsDir(a), keptSegmentsDir(b), { recursive: true });
    const r = await read(b);
    expect(r.ids).toEqual(idsOf(articles(40, 3)));
    expect(r.notices).toEqual([expect.stringMatching(/are foreign/)]);
  });

  it('are rebuilt after an edit made outside Gazette (the change log does not see it)', async () => {
    const path = join(dir, 'edited.db');
    put(path, articles(50, 2));
    await read(path);
    const raw = new DatabaseSync(path);
    raw.exec("UPDATE articles SET json = replace(json, 'Report 50', 'Edited 50') WHERE seq = 1");
    raw.close();
    const titles = (await readStoreCorpus(path, { notice: () => {} }))
      .list({ limit: 10 })
      .items.map((x) => x.title);
    expect(titles.some((t) => t.startsWith('Edited 50'))).toBe(true);
  });

  it('are not kept for a store an older Gazette made (no id) until a write gives it one', async () => {
    const path = join(dir, 'old.db');
    put(path, articles(60, 2));
    const raw = new DatabaseSync(path);
    raw.exec("DELETE FROM meta WHERE key != 'schema_version'");
    raw.exec("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    raw.exec('DROP TABLE fingerprint_bands');
    for (const t of ['articles_added', 'articles_updated', 'articles_removed']) raw.exec(`DROP TRIGGER ${t}`);
    raw.close();
    const r = await read(path);
    expect(r.ids).toHaveLength(2);
    expect(r.notices).toEqual([expect.stringMatching(/older Gazette and has no id yet/)]);
    expect(existsSync(keptSegmentsDir(path))).toBe(false);
    put(path, []);
    expect((await read(path)).notices).toEqual([]);
    expect(existsSync(keptSegmentsDir(path))).toBe(true);
  });

  it('stay few under one-shot reads between commits (small merges are made by the reader itself)', async () => {
    const path = join(dir, 'often.db');
    put(path, articles(80, 2));
    for (let i = 0; i < 14; i++) {
      put(path, articles(90 + i, 1));
      expect((await read(path)).ids).toEqual(idsOf([...articles(80, 2), ...articles(90, i + 1)]));
      expect(manifestOf(path).segments.length).toBeLessThanOrEqual(10);
    }
  });

  it('are not served for a store put back from an older copy (its log ends before them)', async () => {
    const path = join(dir, 'restored.db');
    put(path, articles(120, 2));
    const older = readFileSync(path);
    put(path, articles(122, 2));
    expect((await read(path)).ids).toEqual(idsOf(articles(120, 4)));
    writeFileSync(path, older);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    expect((await read(path)).ids).toEqual(idsOf(articles(120, 2)));
  });

  it('replace the single snapshot kept before segments, which is deleted', async () => {
    const path = join(dir, 'before.db');
    put(path, articles(70, 2));
    writeFileSync(`${path}.snapshot`, 'kept by an earlier Gazette');
    expect((await read(path)).ids).toEqual(idsOf(articles(70, 2)));
    expect(existsSync(`${path}.snapshot`)).toBe(false);
  });
});
