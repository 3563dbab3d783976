import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseWithPassword,
  PASSWORD,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../packages/core/test-support/postgres-cluster';
import { ingestTopic } from '../api/support/ingest-topic';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

// The UI over PostgreSQL when the server goes away (issue 17: "the TUI does not show an unreachable
// store"), in a real terminal: the server is stopped under a running UI (pg_ctl stop -m fast), the status
// line says so and the list stays; the server is started again, the UI says it is back and counts what
// another process ingests meanwhile, without a restart. Nothing on the screen is a stack trace, a stray
// line of the store's client, or the URL's password.
const unavailable = HAS_TMUX ? postgresUnavailable() : NO_TMUX;
let dir = '';
let cluster: PostgresCluster | undefined;
let terminal: TmuxTerminal | undefined;
beforeAll(() => {
  dir = testTempDir('tui-postgres-outage');
});
afterEach(() => terminal?.close());
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What must never be on the screen: a stack frame, the core's notices written over it, the password. */
function expectClean(screen: string): void {
  expect(screen).not.toMatch(/^\s+at /m);
  expect(screen).not.toMatch(/^gazette: /m);
  expect(screen).not.toContain(PASSWORD);
}

describe.skipIf(unavailable)(unavailable ?? 'the UI over a PostgreSQL store that goes away', () => {
  it('says the store is unreachable while the server is stopped, keeps the list, and catches up when it is back', async () => {
    cluster = await startPostgres();
    const db = await databaseWithPassword(cluster);
    const migrated = await gazette(['migrate', '--db', db], { timeoutMs: 90_000 });
    expect(migrated.code, migrated.stderr).toBe(0);
    await ingestTopic(dir, db, 'harbour', 2);
    terminal = new TmuxTerminal([process.execPath, GAZETTE_BIN, '--db', db], {
      env: { GAZETTE_SEGMENTS: join(dir, 'segments') },
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
