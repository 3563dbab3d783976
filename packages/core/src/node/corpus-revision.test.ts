import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherArticle } from '../../test-support/store-contract';
import { corpusRevision } from './corpus-revision';
import { openSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'gazette-corpus-rev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function putInto(path: string, n: number): void {
  const store = openSqliteStore(path);
  try {
    store.put(otherArticle(`https://example.com/${n}`, n));
  } finally {
    store.close();
  }
}

// Issue 16: the site's build cache was keyed by the GAZETTE_DB path; the key must follow what it names.
describe('corpusRevision', () => {
  it('changes when the store at the same path gains an article, and only then', async () => {
    const db = join(dir, 'news.db');
    putInto(db, 1);
    const first = await corpusRevision({ db });
    expect(await corpusRevision({ db })).toBe(first);
    putInto(db, 1); // the same article again: nothing changes
    expect(await corpusRevision({ db })).toBe(first);
    putInto(db, 2);
    expect(await corpusRevision({ db })).not.toBe(first);
  });

  it('tells apart a store made again at the same path with as many articles', async () => {
    const db = join(dir, 'again.db');
    putInto(db, 1);
    const first = await corpusRevision({ db });
    rmSync(db);
    putInto(db, 1);
    expect(await corpusRevision({ db })).not.toBe(first);
  });

  it('keys a snapshot file by its bytes, and the built-in corpus by nothing', async () => {
    const snapshot = join(dir, 'corpus.snapshot');
    writeFileSync(snapshot, 'one');
    const first = await corpusRevision({ snapshot });
    writeFileSync(snapshot, 'two');
    expect(await corpusRevision({ snapshot })).not.toBe(first);
    expect(await corpusRevision({})).toBeUndefined();
  });

  it('says which store is missing rather than making one', async () => {
    await expect(corpusRevision({ db: join(dir, 'none.db') })).rejects.toThrow(/GAZETTE_DB names .*none\.db/);
  });
});
