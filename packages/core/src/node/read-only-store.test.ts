import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { otherArticle } from '../../test-support/store-contract';
import { openSqliteStore } from './sqlite-store';

// Read-only media, for real: a folder without write permission, read by a user the permission binds.
// Root ignores file modes, so as root the reader runs as `nobody` through setpriv (util-linux); a
// non-root runner is bound by the mode itself. Without either, the test is skipped (said below).
const CHILD = fileURLToPath(new URL('../../test-support/read-store-child.ts', import.meta.url));
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const canDenyWrites = !isRoot || setpriv !== undefined;
if (!canDenyWrites)
  console.warn('read-only store test skipped: running as root without setpriv to drop to nobody');

const dir = mkdtempSync(join(tmpdir(), 'gazette-ro-'));
afterAll(() => {
  chmodSync(join(dir, 'media'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function readAsOtherUser(db: string): { ids?: string[]; error?: string } {
  const node = [process.execPath, '--import', 'tsx', CHILD, db];
  const [cmd, ...args] = isRoot
    ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...node]
    : node;
  const r = spawnSync(cmd!, args, {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  if (r.status !== 0) throw new Error(`reader failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ids?: string[]; error?: string };
}

describe.runIf(canDenyWrites)('a store on read-only media', () => {
  it('is read (read-only, immutable), though SQLite cannot make its -shm file there', () => {
    const media = join(dir, 'media');
    mkdirSync(media);
    const db = join(media, 'news.db');
    const store = openSqliteStore(db);
    const put = [otherArticle('https://example.com/ro/1', 1), otherArticle('https://example.com/ro/2', 2)];
    store.putMany(put);
    store.close();
    expect(readdirSync(media)).toEqual(['news.db']); // no -wal, no -shm: a cleanly closed store
    chmodSync(dir, 0o755);
    chmodSync(db, 0o444);
    chmodSync(media, 0o555);
    // The reader really cannot write there (else this test proves nothing).
    const probe = spawnSync(isRoot ? setpriv! : 'sh', [
      ...(isRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', 'sh'] : []),
      '-c',
      `touch ${join(media, 'probe')}`,
    ]);
    expect(probe.status).not.toBe(0);
    const r = readAsOtherUser(db);
    expect(r.error).toBeUndefined();
    expect(r.ids?.sort()).toEqual(put.map((a) => a.id).sort());
    expect(readdirSync(media)).toEqual(['news.db']);
  });

  it('is refused with a clear message when a -wal file with changes sits beside it', () => {
    const media = join(dir, 'media');
    chmodSync(media, 0o755);
    writeFileSync(join(media, 'news.db-wal'), 'changes');
    chmodSync(media, 0o555);
    const r = readAsOtherUser(join(media, 'news.db'));
    expect(r.error).toMatch(/news\.db-wal holds changes not yet in the store/);
  });
});
