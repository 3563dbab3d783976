import { join } from 'node:path';
import { migratePostgres } from '@gazette/core/node';
import { postgresUnavailable, startPostgres } from '../../packages/core/test-support/postgres-cluster';

/** A store the faces are pointed at (`--db`, `GAZETTE_DB`), and how to remove it. */
export interface TestStore {
  /** What `--db` and `GAZETTE_DB` are given: a file path, or a `postgres://` URL. */
  db: string;
  stop(): Promise<void>;
}

/**
 * A kind of store a black-box test runs over: tests that take a list of these run once per kind, so a new
 * backend is one more entry. `skip` says why a kind cannot run on this machine (shown, never silent).
 */
export interface TestStoreKind {
  name: string;
  skip?: () => Promise<string | undefined>;
  /** A new, empty store; `dir` is the test's own temp folder (removed by the test). */
  open(dir: string, label: string): Promise<TestStore>;
}

/** The embedded default: a SQLite file in the test's folder (removed with it). */
export const SQLITE_STORE: TestStoreKind = {
  name: 'sqlite',
  open: async (dir, label) => ({ db: join(dir, `${label}.db`), stop: async () => {} }),
};

/** A throwaway PostgreSQL cluster on 127.0.0.1 (Debian's server), migrated as a user would (`gazette migrate`). */
export const POSTGRES_STORE: TestStoreKind = {
  name: 'postgres',
  skip: async () => postgresUnavailable(),
  async open() {
    const cluster = await startPostgres();
    try {
      await migratePostgres(cluster.url);
    } catch (error) {
      cluster.stop();
      throw error;
    }
    return { db: cluster.url, stop: async () => cluster.stop() };
  },
};

/** Every kind of store the multi-process tests run over. */
export const TEST_STORE_KINDS: readonly TestStoreKind[] = [SQLITE_STORE, POSTGRES_STORE];

/**
 * A new store of `kind` for the test `ctx`, pushed on `opened` (stopped by the file's afterAll), or the
 * test skipped saying why the kind cannot run here (never silently).
 */
export async function openForTest(
  kind: TestStoreKind,
  ctx: { skip: () => void },
  dir: string,
  label: string,
  opened: TestStore[],
): Promise<TestStore> {
  const skip = await kind.skip?.();
  if (skip) {
    console.warn(`skipped for ${kind.name}: ${skip}`);
    ctx.skip();
  }
  const store = await kind.open(dir, label);
  opened.push(store);
  return store;
}
