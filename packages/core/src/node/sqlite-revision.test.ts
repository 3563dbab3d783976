import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { otherArticle } from '../../test-support/store-contract';
import { sqliteRevision } from './sqlite-revision';
import { openSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'gazette-revision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storeOf(name: string, articles: number): string {
  const path = join(dir, name);
  const store = openSqliteStore(path);
  for (let i = 1; i <= articles; i++) store.put(otherArticle(`https://example.com/${i}`, i));
  store.close();
  return path;
}

function put(path: string, i: number): void {
  const store = openSqliteStore(path);
  store.put(otherArticle(`https://example.com/${i}`, i));
  store.close();
}

/** A connection on which any statement reading the articles table is refused when prepared. */
function withoutArticleReads(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.setAuthorizer((action, table) =>
    action === constants.SQLITE_READ && table === 'articles' ? constants.SQLITE_DENY : constants.SQLITE_OK,
  );
  return db;
}

// bench:live: the revision counted every article (a scan of the whole table) twice per commit on the
// API's serving thread; at 100k its searches waited seconds behind it.
describe('sqliteRevision', () => {
  it('reads no article row when the store has its counter, and moves with every change', () => {
    const path = storeOf('counter.db', 3);
    const db = withoutArticleReads(path);
    try {
      const revision = sqliteRevision(db);
      const first = revision();
      expect(revision()).toBe(first);
      put(path, 4);
      const added = revision();
      expect(added).not.toBe(first);
      put(path, 4); // the same article again: nothing changes
      expect(revision()).toBe(added);
      // An edit outside Gazette (the sqlite3 shell) moves it too: the triggers see every writer.
      const shell = new DatabaseSync(path);
      shell.exec("UPDATE articles SET slug = slug || '-x' WHERE seq = 1");
      shell.close();
      expect(revision()).not.toBe(added);
      expect(() => db.prepare('SELECT count(*) FROM articles')).toThrow(/authoriz/i);
    } finally {
      db.close();
    }
  });

  it('counts the articles of a store made before the counter, and moves when one is added', () => {
    const path = storeOf('older.db', 2);
    const raw = new DatabaseSync(path);
    raw.exec("DELETE FROM meta WHERE key IN ('revision', 'last_change')");
    raw.close();
    const db = new DatabaseSync(path);
    try {
      const revision = sqliteRevision(db);
      const first = revision();
      expect(first).toMatch(/^-\.2\./);
      put(path, 3);
      expect(revision()).toMatch(/^-\.3\./);
    } finally {
      db.close();
    }
  });
});
