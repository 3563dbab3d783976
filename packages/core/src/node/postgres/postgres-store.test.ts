import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncStoreContract } from '../../../test-support/async-store-contract';
import {
  createDatabase,
  PASSWORD,
  PASSWORD_ROLE,
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../../test-support/postgres-cluster';
import { followed, otherArticle, storyArticle } from '../../../test-support/store-contract';
import { GazetteError } from '../../errors/gazette-error';
import { listenChanges } from './listen-changes';
import { contentFingerprint } from '../../store/fingerprint';
import { integerBandKeys } from '../../store/fingerprint-index';
import { MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './migrations';
import { migratePostgres } from './migrate-postgres';
import { isPostgresUrl, withoutPassword } from './postgres-connection';
import { ARTICLE_WRITE_LOCK } from './postgres-put';
import { openPostgresStore } from './postgres-store';

const CLUSTER_CHILD = fileURLToPath(
  new URL('../../../test-support/postgres-cluster-child.ts', import.meta.url),
);

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
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await sql.end();
      }
    });

    it('remakes the band keys of stored articles (migration 2) exactly as a write makes them', async () => {
      const url = await freshDatabase();
      const store = await openPostgresStore(url);
      const stored = [storyArticle('https://example.com/a'), otherArticle('https://example.com/b')];
      await store.putMany(stored);
      await store.close();
      const sql = postgres(url, { onnotice: () => {} });
      try {
        await sql.unsafe(MIGRATIONS.find((m) => m.version === 2)!.sql);
        for (const a of stored) {
          const rows = await sql`SELECT key FROM fingerprint_bands WHERE id = ${a.id} ORDER BY key`;
          expect(rows.map((r) => Number(r.key))).toEqual(
            integerBandKeys(contentFingerprint(a)).sort((x, y) => x - y),
          );
        }
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
      const wrong = `postgres://${PASSWORD_ROLE}:not-the-${PASSWORD}@127.0.0.1:${cluster.port}/gazette`;
      const refusedLogin = await openPostgresStore(wrong).catch((e: unknown) => e);
      expect((refusedLogin as Error).message).toMatch(/refused the user name or password/);
      expect((refusedLogin as Error).message).not.toContain(PASSWORD);
      const right = await openPostgresStore(wrong.replace('not-the-', '')).catch((e: unknown) => e);
      expect((right as Error).message).toMatch(/has no Gazette schema yet/);
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

    it('refuses a followed source or an alert damaged in the database with a store error, not a parse error', async () => {
      const url = await freshDatabase();
      const store = await openPostgresStore(url);
      const raw = postgres(url, { onnotice: () => {} });
      try {
        await store.sources.follow(followed('https://feeds.example/a.xml'));
        await store.alerts.add({
          id: 'a1',
          query: 'harbour',
          secret: 's',
          createdAt: '2026-03-04T10:00:00Z',
        });
        await raw`UPDATE sources SET state = '{"failures": '`;
        await raw`UPDATE alerts SET json = '{"id": 1}'`;
        await expect(store.sources.list()).rejects.toThrow(/holds a followed source it cannot read/);
        await expect(store.alerts.list()).rejects.toThrow(/holds an alert it cannot read/);
      } finally {
        await raw.end();
        await store.close();
      }
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

    it('makes an article writer wait for the one in a transaction, so a reader never passes a seq committed later', async () => {
      const url = await freshDatabase();
      const store = await openPostgresStore(url);
      const raw = postgres(url, { max: 1, onnotice: () => {} });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let drawn = 0;
      try {
        // Another writer mid-transaction: it holds the write lock and has drawn a seq it has not committed.
        const holder = raw.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(${ARTICLE_WRITE_LOCK})`;
          const [row] = await tx`INSERT INTO changes(article_id, version, kind)
            VALUES ('a_1111111111111111', 1, 'added') RETURNING seq::int AS seq`;
          drawn = Number(row!.seq);
          await held;
        });
        await waitFor(() => drawn > 0);
        const put = store.put(otherArticle('https://example.com/late', 5));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const seenMeanwhile = await store.changes(0);
        release();
        await holder;
        await put;
        const after = await store.changes(seenMeanwhile.last);
        const seqs = [...seenMeanwhile.changes, ...after.changes].map((c) => c.seq);
        expect(seqs).toContain(drawn);
        expect(seqs).toHaveLength(2);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      } finally {
        release();
        await raw.end();
        await store.close();
      }
    });

    it.each(['SIGTERM', 'SIGKILL'] as const)(
      'leaves no server and no folder behind when a test process using a cluster gets %s',
      async (signal) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLUSTER_CHILD], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const up = await new Promise<{ dir: string; port: number }>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const m = /^UP (\S+) (\d+)$/m.exec(out);
            if (m) resolve({ dir: m[1]!, port: Number(m[2]) });
          });
          child.once('exit', (code) =>
            reject(new Error(`the child exited (${code}) before its cluster was up`)),
          );
        });
        expect(existsSync(up.dir)).toBe(true);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
        // SIGTERM: the exit hook stops it at once; SIGKILL: the watchdog notices within a second or so.
        await waitFor(() => !existsSync(up.dir), 60_000);
        expect(existsSync(up.dir)).toBe(false);
        const probe = postgres(`postgres://postgres@127.0.0.1:${up.port}/postgres`, {
          connect_timeout: 5,
          onnotice: () => {},
        });
        await expect(probe`SELECT 1`).rejects.toMatchObject({ code: 'ECONNREFUSED' });
        await probe.end();
      },
      120_000,
    );

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
