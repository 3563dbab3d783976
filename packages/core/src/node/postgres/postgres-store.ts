import type { Sql } from 'postgres';
import { GazetteError } from '../../errors/gazette-error';
import type { Article } from '../../model/article-schema';
import type { AsyncArticleStore } from '../../store/async-store-types';
import { diffBetween } from '../../store/memory-store';
import type { PutOptions } from '../../store/store-types';
import { validateBatchForStore } from '../../store/validate-for-store';
import { checkSchema } from './migrate-postgres';
import { type ConnectOptions, connect, postgresError, withoutPassword } from './postgres-connection';
import { CHANGES_CHANNEL, putArticles } from './postgres-put';
import { postgresAlerts } from './postgres-alerts';
import { postgresReads } from './postgres-reads';
import { postgresSources, type Run } from './postgres-sources';

export interface PostgresStoreOptions extends ConnectOptions {
  /** The clock for savedAt when a put does not say; defaults to the system clock. */
  now?: () => string;
}

/** The connection pool of each open PostgreSQL store, for `listenChanges` (kept off the store's surface). */
export const poolOf = new WeakMap<AsyncArticleStore, Sql>();

/**
 * The shared store: one PostgreSQL database, reached by many workers and replicas at once. Same behaviour
 * as the SQLite store (the async contract suite runs over both); identity, dedupe and versions are kept by
 * the database (primary keys, one transaction per putMany under the article write lock), so concurrent
 * writers are correct by construction. Refuses a database not migrated to this Gazette's schema.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<AsyncArticleStore> {
  const location = withoutPassword(url);
  const sql = connect(url, options);
  try {
    await checkSchema(sql, location);
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw error;
  }
  const now = options.now ?? (() => new Date().toISOString());
  let closed = false;
  const run: Run = async (doing, fn) => {
    if (closed)
      throw new GazetteError('STORE_ERROR', `The store ${location} is closed.`, { where: location });
    try {
      return await fn();
    } catch (error) {
      throw postgresError(location, error, doing);
    }
  };
  const reads = postgresReads(sql);
  const putMany = async (articles: readonly Article[], opts: PutOptions = {}) => {
    const valid = validateBatchForStore(articles);
    return run('write to', () => putArticles(sql, valid, opts.now ?? now()));
  };
  const store: AsyncArticleStore = {
    backend: 'postgres',
    location,
    put: async (article, opts) => (await putMany([article], opts))[0]!,
    putMany,
    get: (idOrSlug) => run('read', () => reads.get(idOrSlug)),
    getMany: (ids) => run('read', () => reads.getMany(ids)),
    count: () => run('read', () => reads.count()),
    async *iterate() {
      const pages = reads.iterate()[Symbol.asyncIterator]();
      for (;;) {
        const next = await run('read', () => pages.next());
        if (next.done) return;
        yield next.value;
      }
    },
    versions: (id) => run('read', () => reads.versions(id)),
    async diff(id, from, to) {
      const versions = await run('read', () => reads.versions(id));
      return versions.length ? diffBetween(id, versions, from, to) : undefined;
    },
    duplicates: (ofId) => run('read', () => reads.duplicates(ofId)),
    changes: (since, limit) => run('read', () => reads.changes(since, limit)),
    sources: postgresSources(sql, location, run),
    alerts: postgresAlerts(sql, location, run),
    revision: () => run('read', () => reads.revision()),
    identity: () => run('read', () => reads.identity()),
    wake(onChange) {
      // LISTEN on a connection of its own; a lost notification is caught by the reader's slower polling.
      let stop: (() => Promise<void>) | undefined;
      let stopped = false;
      sql
        .listen(
          CHANGES_CHANNEL,
          () => onChange(),
          () => onChange(),
        )
        .then(
          ({ unlisten }) => {
            if (stopped) void unlisten().catch(() => {});
            else stop = unlisten;
          },
          () => {},
        );
      return () => {
        stopped = true;
        void stop?.().catch(() => {});
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await sql.end({ timeout: 5 });
    },
  };
  poolOf.set(store, sql);
  return store;
}
