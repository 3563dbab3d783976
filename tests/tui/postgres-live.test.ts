import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseWithPassword,
  PASSWORD,
  PASSWORD_ROLE,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../packages/core/test-support/postgres-cluster';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

// The UI over PostgreSQL in a real terminal (issue 17: "point any face at PostgreSQL"): `gazette --db
// postgres://user:password@…` on a database migrated with `gazette migrate`, holding an article; another
// process ingests into that database while the UI runs, and the UI counts it as new. The URL carries a
// password (the cluster's password role): the UI's label names the database, never the password.
const unavailable = HAS_TMUX ? postgresUnavailable() : NO_TMUX;
let dir = '';
let cluster: PostgresCluster | undefined;
let terminal: TmuxTerminal | undefined;
beforeAll(() => {
  dir = testTempDir('tui-postgres');
});
afterEach(() => terminal?.close());
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<void> {
  const r = await gazette(args, { timeoutMs: 90_000 });
  expect(r.code, `gazette ${args.join(' ')}: ${r.stderr}`).toBe(0);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
}

async function ingest(db: string, name: string, article: Record<string, string>): Promise<void> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(article));
  await cli(['ingest', file, '--db', db]);
}

describe.skipIf(unavailable)(unavailable ?? 'the UI over a PostgreSQL store', () => {
  it('lists and searches what the database holds, counts an article another process ingests as "1 new", and never shows the password', async () => {
    cluster = await startPostgres();
    const db = await databaseWithPassword(cluster);
    await cli(['migrate', '--db', db]);
    await ingest(db, 'bridge', {
      title: 'Harbour bridge to close for repairs',
      url: 'https://a.example/bridge',
      publishedAt: '2024-03-01T08:00:00Z',
      body: 'The harbour bridge closes for three weeks of repairs from Monday, the council said.',
    });
    terminal = new TmuxTerminal([process.execPath, GAZETTE_BIN, '--db', db], {
      env: { GAZETTE_SEGMENTS: join(dir, 'segments') },
      width: 140,
    });
    const t = terminal;
    const list = await t.waitFor((s) => s.includes('Harbour bridge'), 'the list', 60_000);
    expect(list).toContain(`${PASSWORD_ROLE}@127.0.0.1:${cluster!.port}/gazette`);
    t.keys('/');
    t.keys('repairs', true);
    await t.waitFor((s) => /\b1 result\b/.test(s) && s.includes('Harbour bridge'), 'one search result');
    t.keys('Escape');
    await t.waitFor((s) => s.includes('Word count'), 'the list again');

    await ingest(db, 'lighthouse', {
      title: 'Lighthouse reopens to visitors',
      url: 'https://b.example/lighthouse',
      publishedAt: '2025-06-01T08:00:00Z',
      body: 'The old lighthouse reopens to visitors this weekend after a long restoration.',
    });
    const counted = await t.waitFor((s) => s.includes('1 new'), '"1 new" in the header', 30_000);
    expect(counted).not.toContain('Lighthouse reopens');
    t.keys('R');
    const after = await t.waitFor((s) => s.includes('Lighthouse reopens'), 'the new article', 30_000);
    expect(after.indexOf('Lighthouse reopens')).toBeLessThan(after.indexOf('Harbour bridge'));
    for (const screen of [list, counted, after, t.title()]) expect(screen).not.toContain(PASSWORD);
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  }, 240_000);
});
