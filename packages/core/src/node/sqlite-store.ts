import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Corpus } from '../corpus/components/corpus-types';
import { createCorpusInParallel } from './create-corpus-in-parallel';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { decidePut, duplicateOf } from '../store/decide-put';
import { contentFingerprint } from '../store/fingerprint';
import { withFirstSeen } from '../store/first-seen';
import { diffBetween } from '../store/memory-store';
import type {
  ArticleStore,
  ArticleVersion,
  DuplicateLink,
  PutOptions,
  PutResult,
} from '../store/store-types';
import { validateBatchForStore } from '../store/validate-for-store';
import { openDatabase } from './open-database';
import { backfillFirstSeen } from './sqlite-first-seen';
import { rebuildFingerprintBands, sqliteFingerprints } from './sqlite-fingerprints';
import { sqliteAlerts } from './sqlite-alerts';
import { sqliteChanges } from './sqlite-changes';
import { sqliteRevision } from './sqlite-revision';
import { sqliteSources } from './sqlite-sources';
import { STORE_SCHEMA, STORE_SCHEMA_VERSION } from './store-schema';
import { DEFAULT_STORE_WAIT_MS, QUIET_WAIT_MS, whileWaiting } from './store-wait';

export interface SqliteStoreOptions {
  /** The clock for savedAt; defaults to the system clock. */
  now?: () => string;
  /** Open without writing (no schema changes); puts then fail. */
  readOnly?: boolean;
  /** Caps the file's size (a quota): writes beyond it fail as on a full disk, and roll back. */
  maxBytes?: number;
  /**
   * How long to wait for another process that holds the store locked, in all (default 120 s); after
   * a quiet second, `onWait` is told (once per wait) so the user sees why nothing moves.
   */
  waitMs?: number;
  onWait?: (message: string) => void;
}

/** Turns a SQLite failure into an error a user can act on, naming the file. */
function storeError(path: string, error: unknown, doing: string): GazetteError {
  if (error instanceof GazetteError) return error;
  const e = error as { message?: string; errcode?: number; errstr?: string };
  const message = e.message ?? String(error);
  const code = (e.errcode ?? 0) & 0xff;
  let why = message;
  if (code === 13 || /database or disk is full/i.test(message))
    why = 'the disk is full (nothing was written; the articles stored before are intact)';
  else if (code === 8 || /readonly/i.test(message)) why = 'the file or its folder is not writable';
  else if (code === 14 || /unable to open/i.test(message))
    why = 'the file cannot be opened (does its folder exist and is it writable?)';
  else if (code === 26 || /not a database/i.test(message))
    why = 'the file is not a Gazette store (not a SQLite database)';
  else if (code === 5 || /locked|busy/i.test(message))
    why =
      'another process held the store locked for as long as this one would wait; try again when it is done';
  return new GazetteError('STORE_ERROR', `Cannot ${doing} the store ${path}: ${why}.`, { where: path });
}

interface Row {
  id: string;
  json: string;
  version: number;
  /** Selected by id (for the near-duplicate index), not by slug. */
  fingerprint?: string;
}

/** The statements the store runs, prepared once per connection. */
function prepare(db: DatabaseSync) {
  return {
    get: db.prepare('SELECT id, json, version, fingerprint FROM articles WHERE id = ?'),
    bySlug: db.prepare('SELECT id, json, version FROM articles WHERE slug = ?'),
    insert: db.prepare(
      'INSERT INTO articles(id, slug, url, content_hash, fingerprint, version, saved_at, published_at, json) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)',
    ),
    update: db.prepare(
      'UPDATE articles SET slug = ?, url = ?, content_hash = ?, fingerprint = ?, version = ?, saved_at = ?, published_at = ?, json = ? WHERE id = ?',
    ),
    keepVersion: db.prepare(
      'INSERT INTO article_versions(id, version, saved_at, content_hash, json) SELECT id, version, saved_at, content_hash, json FROM articles WHERE id = ?',
    ),
    versions: db.prepare(
      'SELECT version, saved_at, content_hash, json FROM article_versions WHERE id = ? ORDER BY version',
    ),
    current: db.prepare('SELECT version, saved_at, content_hash, json FROM articles WHERE id = ?'),
    link: db.prepare(
      'INSERT INTO duplicates(id, duplicate_of, url, title, similarity, saved_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET duplicate_of = excluded.duplicate_of, url = excluded.url, title = excluded.title, similarity = excluded.similarity, saved_at = excluded.saved_at',
    ),
    unlink: db.prepare('DELETE FROM duplicates WHERE id = ?'),
    links: db.prepare(
      'SELECT id, duplicate_of, url, title, similarity, saved_at FROM duplicates ORDER BY rowid',
    ),
    linksOf: db.prepare(
      'SELECT id, duplicate_of, url, title, similarity, saved_at FROM duplicates WHERE duplicate_of = ? ORDER BY rowid',
    ),
    count: db.prepare('SELECT count(*) AS n FROM articles'),
    // Which store: an id made with it (which state it is at: sqlite-revision.ts).
    storeId: db.prepare("SELECT value FROM meta WHERE key = 'store_id'"),
    all: db.prepare('SELECT json FROM articles ORDER BY seq'),
  } satisfies Record<string, StatementSync>;
}

/** The schema version a store was written with (0: a new, empty file). */
function storedSchemaVersion(db: DatabaseSync): number {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
    | { value?: string }
    | undefined;
  return Number(row?.value ?? 0);
}

/** An older store's articles enter the new change log as they are now, in the order they were first stored. */
function backfillChanges(db: DatabaseSync): void {
  db.exec(
    "INSERT INTO changes(article_id, version, kind, saved_at) SELECT id, version, CASE WHEN version > 1 THEN 'updated' ELSE 'added' END, saved_at FROM articles ORDER BY seq",
  );
}

/** A schema-4 store's sources gain their lease columns (a newer store's table is made with them). */
function addLeaseColumns(db: DatabaseSync): void {
  const columns = db.prepare('PRAGMA table_info(sources)').all() as Array<{ name: string }>;
  if (columns.some((c) => c.name === 'lease_owner')) return;
  db.exec(
    'ALTER TABLE sources ADD COLUMN lease_owner TEXT; ALTER TABLE sources ADD COLUMN lease_until INTEGER',
  );
}

/** Creates the tables of a new store, or adds what an older one lacks, in one transaction. */
function migrate(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const from = storedSchemaVersion(db);
    if (from < STORE_SCHEMA_VERSION) {
      db.exec(STORE_SCHEMA);
      if (from > 0 && from < 6) rebuildFingerprintBands(db);
      if (from > 0 && from < 3) backfillFirstSeen(db);
      if (from > 0 && from < 4) backfillChanges(db);
      if (from === 4) addLeaseColumns(db);
      db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(
        'schema_version',
        String(STORE_SCHEMA_VERSION),
      );
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  // WAL lets readers go on while a writer commits; set once, kept in the file.
  if ((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode !== 'wal')
    db.exec('PRAGMA journal_mode = WAL');
}

/**
 * The durable store: one SQLite file through node:sqlite (no native addon), WAL, a transaction per
 * put (committed before it returns) and per putMany. Previous versions are kept; near-duplicates are
 * linked in their own table.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): ArticleStore {
  const file = path === ':memory:' ? path : resolve(path);
  const now = options.now ?? (() => new Date().toISOString());
  if (file !== ':memory:') {
    const dir = dirname(file);
    try {
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
      else if (!statSync(dir).isDirectory()) throw new Error('unable to open: its folder is a file');
      if (existsSync(file) && statSync(file).isDirectory())
        throw new Error('unable to open: the path is a folder');
    } catch (error) {
      throw storeError(file, error, 'open');
    }
  }
  // Said at most every 10 s: two long ingests taking turns would otherwise say it at every batch.
  let saidAt = Number.NEGATIVE_INFINITY;
  const wait = {
    waitMs: options.waitMs ?? DEFAULT_STORE_WAIT_MS,
    onWait: () => {
      if (!options.onWait || Date.now() - saidAt < 10_000) return;
      saidAt = Date.now();
      options.onWait(`waiting for the store ${file}: another process holds it locked`);
    },
  };
  let db: DatabaseSync;
  try {
    db = openDatabase(file, { readOnly: options.readOnly ?? false, timeout: QUIET_WAIT_MS });
    const locked = <T>(fn: () => T): T => whileWaiting(db, fn, wait);
    const schemaVersion = () => locked(() => storedSchemaVersion(db));
    if (!options.readOnly) {
      // FULL: a commit survives power loss, not only a crash; an article is acknowledged only then.
      db.exec('PRAGMA synchronous = FULL');
      if (options.maxBytes) {
        const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
        db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.ceil(options.maxBytes / pageSize))}`);
      }
      // Only a new or older store is written to on open: opening a current one needs no lock.
      if (schemaVersion() < STORE_SCHEMA_VERSION) locked(() => migrate(db));
    }
    const version = schemaVersion();
    if (version > STORE_SCHEMA_VERSION)
      throw new GazetteError(
        'STORE_ERROR',
        `The store ${file} was written by a newer Gazette (schema ${version}); upgrade Gazette to read it.`,
        { where: file },
      );
  } catch (error) {
    throw storeError(file, error, 'open');
  }

  let q: ReturnType<typeof prepare>;
  try {
    q = prepare(db);
  } catch (error) {
    db.close();
    throw new GazetteError(
      'STORE_ERROR',
      `Cannot open the store ${file}: its tables are not those of this Gazette (${(error as Error).message}).`,
      { where: file },
    );
  }

  const fingerprints = options.readOnly ? undefined : sqliteFingerprints(db);
  const storedArticle = (id: string) => {
    const row = q.get.get(id) as Row | undefined;
    return row ? (JSON.parse(row.json) as Article) : undefined;
  };
  // The corpus with the revision it was built at: another process's commits change the revision too.
  let cached: { corpus: Corpus; revision: string } | undefined;
  let closed = false;
  const usingStore = <T>(fn: () => T): T => {
    if (closed) throw new GazetteError('STORE_ERROR', `The store ${file} is closed.`, { where: file });
    try {
      return whileWaiting(db, fn, wait);
    } catch (error) {
      throw storeError(file, error, 'use');
    }
  };
  const sources = sqliteSources(db, file, usingStore);
  const alerts = sqliteAlerts(db, file, usingStore);

  function putOne(valid: Article, savedAt: string): PutResult {
    const row = q.get.get(valid.id) as Row | undefined;
    const article = withFirstSeen(valid, row && (JSON.parse(row.json) as Article), savedAt);
    const fp = contentFingerprint(article);
    // Read inside the write transaction: what every process has committed, not what was there at open.
    const near = row ? [] : fingerprints!.candidates(fp, article.id);
    const decision = decidePut(article, row?.json, near, storedArticle);
    const json = JSON.stringify(article);
    const url = article.url ?? null;
    const published = article.publishedAt ?? null;
    switch (decision.status) {
      case 'unchanged':
        return { status: 'unchanged', id: article.id, version: row!.version };
      case 'duplicate':
        q.link.run(article.id, decision.duplicateOf!, url, article.title, decision.similarity!, savedAt);
        return duplicateOf(article, decision, savedAt).result;
      case 'updated': {
        q.keepVersion.run(article.id);
        const version = row!.version + 1;
        q.update.run(
          article.slug,
          url,
          article.provenance.contentHash,
          fp,
          version,
          savedAt,
          published,
          json,
          article.id,
        );
        fingerprints!.set(article.id, fp, row!.fingerprint);
        return { status: 'updated', id: article.id, version };
      }
      default:
        q.insert.run(
          article.id,
          article.slug,
          url,
          article.provenance.contentHash,
          fp,
          savedAt,
          published,
          json,
        );
        q.unlink.run(article.id);
        fingerprints!.set(article.id, fp);
        return { status: 'added', id: article.id, version: 1 };
    }
  }

  function transaction(articles: readonly Article[], options: PutOptions): PutResult[] {
    if (closed) throw new GazetteError('STORE_ERROR', `The store ${file} is closed.`, { where: file });
    const valid = validateBatchForStore(articles);
    const savedAt = options.now ?? now();
    try {
      whileWaiting(db, () => db.exec('BEGIN IMMEDIATE'), wait);
    } catch (error) {
      throw storeError(file, error, 'write to');
    }
    try {
      const results = valid.map((a) => putOne(a, savedAt));
      db.exec('COMMIT');
      if (results.some((r) => r.status === 'added' || r.status === 'updated')) cached = undefined;
      return results;
    } catch (error) {
      try {
        if (db.isTransaction) db.exec('ROLLBACK');
      } catch {
        // The rollback failing means SQLite already rolled back (e.g. on a full disk).
      }
      throw storeError(file, error, 'write to');
    }
  }

  const toVersion = (r: {
    version: number;
    saved_at: string | null;
    content_hash: string;
    json: string;
  }): ArticleVersion => ({
    version: r.version,
    contentHash: r.content_hash,
    article: JSON.parse(r.json) as Article,
    ...(r.saved_at ? { savedAt: r.saved_at } : {}),
  });
  const toLink = (r: {
    id: string;
    duplicate_of: string;
    url: string | null;
    title: string;
    similarity: number;
    saved_at: string | null;
  }): DuplicateLink => ({
    id: r.id,
    duplicateOf: r.duplicate_of,
    title: r.title,
    similarity: r.similarity,
    ...(r.url ? { url: r.url } : {}),
    ...(r.saved_at ? { savedAt: r.saved_at } : {}),
  });

  return {
    backend: 'sqlite',
    put: (article, opts = {}) => transaction([article], opts)[0]!,
    putMany: (articles, opts = {}) => transaction(articles, opts),
    get(idOrSlug) {
      const row = (q.get.get(idOrSlug) ?? q.bySlug.get(idOrSlug)) as Row | undefined;
      return row ? (JSON.parse(row.json) as Article) : undefined;
    },
    count: () => Number((q.count.get() as { n: number }).n),
    list: () => (q.all.all() as Array<{ json: string }>).map((r) => JSON.parse(r.json) as Article),
    *iterate() {
      for (const r of q.all.iterate() as Iterable<{ json: string }>) yield JSON.parse(r.json) as Article;
    },
    versions(id) {
      const previous = (q.versions.all(id) as Parameters<typeof toVersion>[0][]).map(toVersion);
      const current = q.current.get(id) as Parameters<typeof toVersion>[0] | undefined;
      return current ? [...previous, toVersion(current)] : previous;
    },
    diff(id, from, to) {
      const versions = this.versions(id);
      return versions.length ? diffBetween(id, versions, from, to) : undefined;
    },
    duplicates: (ofId) =>
      ((ofId ? q.linksOf.all(ofId) : q.links.all()) as Parameters<typeof toLink>[0][]).map(toLink),
    sources,
    alerts,
    changes: sqliteChanges(db),
    corpus() {
      const revision = this.revision();
      if (cached?.revision !== revision) cached = { corpus: createCorpusInParallel(this.list()), revision };
      return cached.corpus;
    },
    identity() {
      return (q.storeId.get() as { value: string } | undefined)?.value || undefined;
    },
    revision: sqliteRevision(db),
    close() {
      if (closed) return;
      closed = true;
      cached = undefined;
      db.close();
    },
  };
}
