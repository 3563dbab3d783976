import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storyArticle } from '../../test-support/store-contract';
import { isStoreUrl, openStore, segmentsDirFor } from './open-any-store';
import { withoutPassword } from './postgres/postgres-connection';

const dir = mkdtempSync(join(tmpdir(), 'gazette-open-any-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens a SQLite path as an AsyncArticleStore, and a reader never creates one', async () => {
    const db = join(dir, 'a.db');
    await expect(openStore(db, { label: 'GAZETTE_DB' })).rejects.toThrow(/GAZETTE_DB names .*a\.db/);
    expect(existsSync(db)).toBe(false);
    const writer = await openStore(db, { create: true });
    expect(writer.backend).toBe('sqlite');
    await writer.put(storyArticle('https://example.com/one'));
    await writer.close();
    const reader = await openStore(db, { readOnly: true });
    expect(await reader.count()).toBe(1);
    await reader.close();
  });

  it('opens a PostgreSQL URL as the PostgreSQL store: an unreachable one is a clear error, without its password', async () => {
    const url = 'postgres://gazette:secret@127.0.0.1:1/news';
    expect(isStoreUrl(url) && isStoreUrl('postgresql://h/db') && !isStoreUrl('./gazette.db')).toBe(true);
    const error = await openStore(url).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'STORE_ERROR' });
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1\/news/);
    expect((error as Error).message).not.toMatch(/secret/);
  });
});

describe('withoutPassword', () => {
  it('drops the password of a URL, and of one the URL parser refuses', () => {
    expect(withoutPassword('postgres://gazette:secret@127.0.0.1:5432/news')).toBe(
      'postgres://gazette@127.0.0.1:5432/news',
    );
    expect(withoutPassword('postgres://gazette:se%zzcret@[bad/news')).toBe('postgres://gazette@[bad/news');
    expect(withoutPassword('postgres://127.0.0.1/news')).toBe('postgres://127.0.0.1/news');
  });
});

describe('segmentsDirFor', () => {
  it('keeps a file store beside it and a database store where configured, else in a per-user cache', () => {
    expect(segmentsDirFor('/x/g.db', 'id-1', '/elsewhere')).toBe('/x/g.db.segments');
    const url = 'postgres://h/db';
    expect(segmentsDirFor(url, 'id-1', '/shared/segments')).toBe('/shared/segments');
    const cached = segmentsDirFor(url, 'id/1', undefined);
    expect(cached).toMatch(/gazette[/\\]segments[/\\]id_1$/);
  });
});
