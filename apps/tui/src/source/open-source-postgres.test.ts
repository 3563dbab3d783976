import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../../../packages/core/test-support/postgres-cluster';
import { runCli } from '../cli';
import type { CliIo } from '../cli-io';
import { openSource } from './open-source';

const unavailable = postgresUnavailable();
const SECRET = 'never-shown';

const quiet = (input = ''): CliIo & { out: string } => {
  const io = {
    out: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: () => {},
    stdin: async () => input,
    isTTY: false,
  };
  return io;
};

// The cluster trusts loopback, so a URL with any password opens it: what is asserted is only that the
// password given never reaches what the user sees.
describe.skipIf(unavailable)(unavailable ?? 'reading a PostgreSQL store', () => {
  let cluster: PostgresCluster;
  let url: string;
  beforeAll(async () => {
    cluster = await startPostgres();
    const plain = await createDatabase(cluster, 'tui_source');
    url = plain.replace('postgres@', `postgres:${SECRET}@`);
    expect(await runCli(['migrate', '--db', url], quiet())).toBe(0);
    const story = 'The harbour bridge will close to cars next spring, the city council decided on Tuesday.';
    const io = quiet(`Harbour bridge to close\n\n${story}\n`);
    expect(await runCli(['ingest', '-', '--db', url], io)).toBe(0);
    expect(io.out).toContain('added 1');
    expect(io.out).not.toContain(SECRET);
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('reads the store and labels it without the password, once and live', async () => {
    const once = await openSource({ db: url });
    expect(once.label).toBe(url.replace(`:${SECRET}`, ''));
    const live = await openSource({ db: url, live: true });
    try {
      expect(live.label).not.toContain(SECRET);
      const io = quiet();
      expect(await runCli(['search', 'harbour', '--db', url], io)).toBe(0);
      expect(io.out).toContain('Harbour bridge to close');
    } finally {
      await live.live?.close();
    }
  }, 120_000);
});
