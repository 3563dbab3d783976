import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  databaseWithPassword,
  PASSWORD,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../packages/core/test-support/postgres-cluster';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';

// Every command that needs the store, run against a PostgreSQL server that is down (stopped with pg_ctl
// stop -m fast) and one that is starting up (a standby refusing connections with SQLSTATE 57P03): each
// exits 1 with one line that says what (the store is unreachable / the database is starting up), where
// (host:port, the URL without its password) and what to do; no stack trace, nothing on standard output.
const unavailable = postgresUnavailable();
const dir = testTempDir('cli-store-down');
let cluster: PostgresCluster | undefined;
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const article = join(dir, 'article.json');
writeFileSync(
  article,
  JSON.stringify({
    title: 'Harbour bridge to close for repairs',
    url: 'https://a.example/bridge',
    publishedAt: '2024-03-01T08:00:00Z',
    body: 'The harbour bridge closes for three weeks of repairs from Monday, the council said.',
  }),
);

/** Each command that reads or writes the store (with what it needs besides). */
const COMMANDS: string[][] = [
  ['list'],
  ['search', 'harbour'],
  ['show', 'harbour-bridge-to-close-for-repairs'],
  ['entities'],
  ['quotes'],
  ['export'],
  ['ingest', article],
  ['follow', 'https://a.example/feed.xml'],
  ['sources'],
  ['unfollow', 'https://a.example/feed.xml'],
  ['watch', '--once'],
  ['watch'],
  ['alert', 'add', 'harbour'],
  ['alert', 'rm', 'al_0000000000000000'],
  ['alerts'],
  ['migrate'],
];

/** Runs `args` against `db` (half of them through GAZETTE_DB) and returns its one line of standard error. */
async function failsInOneLine(args: string[], db: string, i: number): Promise<string> {
  const viaEnv = i % 2 === 1;
  const r = await gazette(viaEnv ? args : [...args, '--db', db], {
    env: { ...process.env, GAZETTE_DB: viaEnv ? db : '' },
    timeoutMs: 60_000,
  });
  const what = `gazette ${args.join(' ')}${viaEnv ? ' (GAZETTE_DB)' : ''}: ${r.stderr}`;
  expect(r.code, what).toBe(1);
  expect(r.stdout, what).toBe('');
  expect(r.stderr.endsWith('\n'), what).toBe(true);
  expect(r.stderr.trimEnd().split('\n'), what).toHaveLength(1);
  expect(r.stderr, what).not.toMatch(/^\s+at |Error:|This is a bug/m);
  expect(r.stderr, what).not.toContain(PASSWORD);
  return r.stderr;
}

describe.skipIf(unavailable)(unavailable ?? 'the CLI against a PostgreSQL server that is down', () => {
  it('fails every store command in one line saying the store is unreachable, where, and what to do; a server starting up in its own words', async () => {
    cluster = await startPostgres();
    const db = await databaseWithPassword(cluster);
    const migrated = await gazette(['migrate', '--db', db], { timeoutMs: 90_000 });
    expect(migrated.code, migrated.stderr).toBe(0);
    const where = `127.0.0.1:${cluster.port}`;

    cluster.pause();
    for (const [i, args] of COMMANDS.entries()) {
      const line = await failsInOneLine(args, db, i);
      expect(line, args.join(' ')).toMatch(
        new RegExp(`the store is unreachable at ${where}: nothing answers there`),
      );
      expect(line, args.join(' ')).toMatch(/start it, or fix the host and port in --db or GAZETTE_DB/);
    }

    cluster.startingUp();
    for (const [i, args] of COMMANDS.entries()) {
      const line = await failsInOneLine(args, db, i);
      expect(line, args.join(' ')).toMatch(/the database is starting up; try again in a moment\.$/m);
      expect(line, args.join(' ')).toContain(`@${where}/gazette`);
    }
  }, 300_000);
});
