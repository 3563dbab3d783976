import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../../../packages/core/test-support/postgres-cluster';
import { runCli } from '../cli';
import type { CliIo } from '../cli-io';

const unavailable = postgresUnavailable();

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      stdin: async () => '',
      isTTY: false,
    },
    out: () => out,
    err: () => err,
  };
}

describe.skipIf(unavailable)(unavailable ?? 'gazette migrate', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('migrates a PostgreSQL database once, then says it is current; a SQLite path needs nothing', async () => {
    const url = await createDatabase(cluster, 'cli_migrate');
    const first = capture();
    expect(await runCli(['migrate', '--db', url], first.io)).toBe(0);
    // Every migration is applied, the first one first; the number of the last grows with the schema.
    const latest = Number(/from schema 0 to (\d+):\n {2}applied 1 /.exec(first.out())?.[1]);
    expect(latest, first.out()).toBeGreaterThanOrEqual(1);
    expect(first.out().match(/^ {2}applied \d+ /gm)).toHaveLength(latest);
    const again = capture();
    expect(await runCli(['migrate', '--db', url, '--json'], again.io)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({
      backend: 'postgres',
      from: latest,
      to: latest,
      applied: [],
    });
    const sqlite = capture();
    expect(await runCli(['migrate', '--db', './some.db'], sqlite.io)).toBe(0);
    expect(sqlite.out()).toContain('SQLite stores migrate themselves');
  });

  it('fails with a clear message, not a stack trace, when the server cannot be reached', async () => {
    const url = `postgres://postgres:pw@127.0.0.1:${cluster.port}/no_such_database`;
    const run = capture();
    expect(await runCli(['migrate', '--db', url], run.io)).toBe(1);
    expect(run.err()).toMatch(
      /^gazette: Cannot migrate the PostgreSQL store postgres:\/\/postgres@127\.0\.0\.1:\d+\/no_such_database: the database does not exist/,
    );
    expect(run.err()).not.toContain('pw@');
    expect(run.err()).not.toMatch(/\n\s+at /);
    const role = capture();
    expect(await runCli(['migrate', '--db', url.replace('postgres:pw', 'nobody')], role.io)).toBe(1);
    expect(role.err()).toContain('role "nobody" does not exist');
  });
});
