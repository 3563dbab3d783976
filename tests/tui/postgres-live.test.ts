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
import { ingestTopic } from '../api/support/ingest-topic';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

// The UI over PostgreSQL in a real terminal (issue 17: "point any face at PostgreSQL"): `gazette --db
// postgres://user:password@…` on a database migrated with `gazette migrate`, holding an article; another
// process ingests into that database while the UI runs, and the UI counts it as new. The URL carries a
// password (the cluster's password role): the UI's label names the database, never the password.
// Then the server goes away under a running UI (issue 17: "the TUI does not show an unreachable store"):
// the status line says so, the list stays, and once it is back the UI catches up without a restart.
const unavailable = HAS_TMUX ? postgresUnavailable() : NO_TMUX;
let dir = '';
let cluster: PostgresCluster | undefined;
let terminal: TmuxTerminal | undefined;
beforeAll(() => {
  dir = testTempDir('tui-postgres');
});
afterEach(() => {
  terminal?.close();
  cluster?.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

/** What must never be on the screen: a stack frame, the core's notices written over it, the password. */
function expectClean(screen: string): void {
  expect(screen).not.toMatch(/^\s+at /m);
  expect(screen).not.toMatch(/^gazette: /m);
  expect(screen).not.toContain(PASSWORD);
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

  it('says the store is unreachable while the server is stopped, keeps the list, and catches up when it is back', async () => {
    cluster = await startPostgres();
    const db = await databaseWithPassword(cluster);
    await cli(['migrate', '--db', db]);
    await ingestTopic(dir, db, 'harbour', 2);
    terminal = new TmuxTerminal([process.execPath, GAZETTE_BIN, '--db', db], {
      env: { GAZETTE_SEGMENTS: join(dir, 'segments-outage') },
      width: 140,
    });
    const t = terminal;
    await t.waitFor((s) => s.includes('harbour report 2'), 'the list', 60_000);

    cluster.pause();
    const down = await t.waitFor(
      (s) => s.includes('store unreachable — showing what was loaded; retrying'),
      'the status line saying the store is unreachable',
      30_000,
    );
    expect(down).toContain('harbour report 1');
    expect(down).toContain('harbour report 2');
    expectClean(down);
    // Keys still work while it is away: the help, and back to the list.
    t.keys('?');
    await t.waitFor((s) => s.includes('Keys'), 'the help');
    t.keys('?');
    const again = await t.waitFor((s) => s.includes('harbour report 1'), 'the list again');
    expect(again).toContain('store unreachable');

    cluster.resume();
    const back = await t.waitFor(
      (s) => s.includes('store reachable again — up to date'),
      'the status line saying the store is back',
      60_000,
    );
    expectClean(back);
    await ingestTopic(dir, db, 'lighthouse', 1);
    const counted = await t.waitFor((s) => s.includes('1 new'), '"1 new" in the header', 30_000);
    expectClean(counted);
    t.keys('R');
    await t.waitFor((s) => s.includes('lighthouse report 1'), 'the new article', 30_000);
    t.keys('q');
    const exited = await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
    expectClean(exited);
  }, 300_000);
});
