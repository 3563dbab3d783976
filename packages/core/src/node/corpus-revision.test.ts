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
  it('changes when the store at the same path gains an article, and only then', () => {
    const db = join(dir, 'news.db');
    putInto(db, 1);
    const first = corpusRevision({ db });
    expect(corpusRevision({ db })).toBe(first);
    putInto(db, 1); // the same article again: nothing changes
    expect(corpusRevision({ db })).toBe(first);
    putInto(db, 2);
    expect(corpusRevision({ db })).not.toBe(first);
  });

  it('tells apart a store made again at the same path with as many articles', () => {
    const db = join(dir, 'again.db');
    putInto(db, 1);
    const first = corpusRevision({ db });
    rmSync(db);
    putInto(db, 1);
    expect(corpusRevision({ db })).not.toBe(first);
  });

  it('keys a snapshot file by its bytes, and the built-in corpus by nothing', () => {
    const snapshot = join(dir, 'corpus.snapshot');
    writeFileSync(snapshot, 'one');
    const first = corpusRevision({ snapshot });
    writeFileSync(snapshot, 'two');
    expect(corpusRevision({ snapshot })).not.toBe(first);
    expect(corpusRevision({})).toBeUndefined();
  });

  it('says which store is missing rather than making one', () => {
    expect(() => corpusRevision({ db: join(dir, 'none.db') })).toThrow(/GAZETTE_DB names .*none\.db/);
  });
});
