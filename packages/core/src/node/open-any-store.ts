import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { asAsyncStore } from '../store/as-async-store';
import type { AsyncArticleStore } from '../store/async-store-types';
import { keptSegmentsDir } from './kept-segments';
import { openExistingStore } from './open-existing-store';
import { isPostgresUrl } from './postgres/postgres-connection';
import { openPostgresStore } from './postgres/postgres-store';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';

export interface OpenStoreOptions extends SqliteStoreOptions {
  /** Make the store when there is none (a writing command); false (default): a reader never creates one. */
  create?: boolean;
  /** Names where `db` came from ("GAZETTE_DB", "--db"), for the message when there is no store there. */
  label?: string;
}

/** Whether `db` names a PostgreSQL database (a URL) rather than a SQLite file (a path). */
export const isStoreUrl = isPostgresUrl;

/**
 * The PostgreSQL store at `url`: the one place where a URL becomes a store, so that the PostgreSQL
 * backend plugs in here and every face (CLI, watch, API, site, TUI) reaches it through `openStore`.
 */
async function openUrlStore(url: string, _options: OpenStoreOptions): Promise<AsyncArticleStore> {
  return openPostgresStore(url);
}

/**
 * Opens the store `db` names, whatever its backend: a path is a SQLite file (which must exist unless
 * `create`, so reading commands never make one by accident), a `postgres://` or `postgresql://` URL a
 * PostgreSQL database. Every consumer works through the `AsyncArticleStore` this returns.
 */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<AsyncArticleStore> {
  if (isStoreUrl(db)) return openUrlStore(db, options);
  const { create, ...rest } = options;
  const { label: _label, ...sqlite } = rest;
  const store = create ? openSqliteStore(db, sqlite) : openExistingStore(db, rest);
  return asAsyncStore(store, db);
}

/**
 * Where a live corpus keeps the segments of the store `db`: beside a SQLite file (`<db>.segments/`), and
 * for a database, the folder `segments` names (--segments, GAZETTE_SEGMENTS) or else a per-user cache
 * folder keyed by the store's identity ($XDG_CACHE_HOME or ~/.cache, then gazette/segments/<identity>).
 */
export function segmentsDirFor(
  db: string,
  identity: string,
  segments: string | undefined = process.env['GAZETTE_SEGMENTS'] || undefined,
): string {
  if (!isStoreUrl(db)) return keptSegmentsDir(db);
  if (segments) return segments;
  const cache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  const key = identity.replace(/[^\w.-]/g, '_').slice(0, 64) || createHash('sha256').update(db).digest('hex');
  return join(cache, 'gazette', 'segments', key);
}
