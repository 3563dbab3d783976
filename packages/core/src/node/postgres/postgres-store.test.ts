import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncStoreContract } from '../../../test-support/async-store-contract';
import {
  createDatabase,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../../test-support/postgres-cluster';
import { otherArticle, storyArticle } from '../../../test-support/store-contract';
import { GazetteError } from '../../errors/gazette-error';
import { listenChanges } from './listen-changes';
import { POSTGRES_SCHEMA_VERSION } from './migrations';
import { migratePostgres } from './migrate-postgres';
import { isPostgresUrl, withoutPassword } from './postgres-connection';
import { openPostgresStore } from './postgres-store';

const unavailable = postgresUnavailable();
let cluster: PostgresCluster;
let databases = 0;
let last = '';

/** A fresh, migrated database of the test cluster. */
async function freshDatabase(): Promise<string> {
  last = await createDatabase(cluster, `store_${++databases}`);
  await migratePostgres(last);
  return last;
}

describe.skipIf(unavailable)(unavailable ?? 'PostgreSQL store', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());

  asyncStoreContract('postgres', {
    open: async () => openPostgresStore(await freshDatabase()),
    reopen: () => openPostgresStore(last),
    another: () => openPostgresStore(last),
    leasesAcrossHandles: true,
  });

  describe('PostgreSQL store: schema, connection and notifications', () => {
    it('migrates once, forward only, even with two migrators at once, and records the version', async () => {
      const url = await createDatabase(cluster, 'migrated_twice');
      const [a, b] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
      expect([a.applied.length, b.applied.length].sort()).toEqual([0, POSTGRES_SCHEMA_VERSION]);
      expect((await migratePostgres(url)).applied).toEqual([]);
      const sql = postgres(url, { onnotice: () => {} });
      try {
        const rows = await sql`SELECT version FROM gazette_schema ORDER BY version`;
        expect(rows.map((r) => r.version)).toEqual([POSTGRES_SCHEMA_VERSION]);
      } finally {
        await sql.end();
      }
    });

    it('refuses a database not migrated, or migrated by a newer Gazette, saying what to run', async () => {
      const url = await createDatabase(cluster, 'not_migrated');
      await expect(openPostgresStore(url)).rejects.toThrow(`run \`gazette migrate --db ${url}\``);
      await migratePostgres(url);
      const sql = postgres(url, { onnotice: () => {} });
      await sql`INSERT INTO gazette_schema(version, name) VALUES (${POSTGRES_SCHEMA_VERSION + 1}, 'from the future')`;
      await sql.end();
      await expect(openPostgresStore(url)).rejects.toThrow(/newer Gazette .*upgrade Gazette/);
      await expect(migratePostgres(url)).rejects.toThrow(GazetteError);
    });

    it('turns connection failures into clear errors naming the URL without its password', async () => {
      const refused = `postgres://gazette:s3cret@127.0.0.1:${await closedPort()}/gazette`;
      const error = await openPostgresStore(refused).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GazetteError);
      expect((error as Error).message).toMatch(/nothing answers there/);
      expect((error as Error).message).toContain('postgres://gazette@127.0.0.1');
      expect((error as Error).message).not.toContain('s3cret');
      const unknown = `postgres://postgres@127.0.0.1:${cluster.port}/no_such_db`;
      await expect(openPostgresStore(unknown)).rejects.toThrow(/database does not exist/);
      await expect(migratePostgres(unknown)).rejects.toThrow(
        /Cannot migrate the PostgreSQL store .*no_such_db/,
      );
      expect(withoutPassword('postgresql://u:p@h:5432/db?sslmode=require')).toBe(
        'postgresql://u@h:5432/db?sslmode=require',
      );
      expect([
        isPostgresUrl('postgres://h/db'),
        isPostgresUrl('POSTGRESQL://h'),
        isPostgresUrl('gazette.db'),
      ]).toEqual([true, true, false]);
    });

    it('wakes a listener on every commit with the last seq, which pages the log to the end', async () => {
      const store = await openPostgresStore(await freshDatabase());
      const writer = await openPostgresStore(last);
      const heard: Array<number | undefined> = [];
      const stop = await listenChanges(store, (seq) => heard.push(seq));
      try {
        await writer.putMany([
          storyArticle('https://example.com/a'),
          otherArticle('https://example.com/b', 1),
        ]);
        await writer.put(otherArticle('https://example.com/c', 2));
        await writer.put(otherArticle('https://example.com/c', 2)); // unchanged: no change, no notification
        await waitFor(() => heard.length >= 2);
        const log = await store.changes(0);
        expect(heard).toEqual([log.changes[1]!.seq, log.changes[2]!.seq]);
      } finally {
        await stop?.();
        await store.close();
        await writer.close();
      }
    });

    it('keeps the change log gap-free for a reader while writers commit at once', async () => {
      const url = await freshDatabase();
      const writers = await Promise.all([0, 1, 2].map(() => openPostgresStore(url)));
      const reader = await openPostgresStore(url);
      try {
        let since = 0;
        const seen: number[] = [];
        const writing = Promise.all(
          writers.map(async (w, k) => {
            for (let i = 0; i < 10; i++)
              await w.put(otherArticle(`https://example.com/w${k}/${i}`, k * 100 + i));
          }),
        );
        let done = false;
        void writing.then(() => (done = true));
        while (!done || seen.length < 30) {
          const page = await reader.changes(since, 7);
          seen.push(...page.changes.map((c) => c.seq));
          since = page.last;
          if (done && page.changes.length === 0) break;
        }
        await writing;
        const rest = await reader.changes(since);
        seen.push(...rest.changes.map((c) => c.seq));
        const all = (await reader.changes(0, 100)).changes.map((c) => c.seq);
        expect(seen).toEqual(all);
        expect(all).toHaveLength(30);
      } finally {
        await Promise.all([...writers, reader].map((s) => s.close()));
      }
    });
  });
});

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(done: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
