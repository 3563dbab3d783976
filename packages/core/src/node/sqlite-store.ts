import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Corpus } from '../corpus/corpus-types';
import { createCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { decidePut } from '../store/decide-put';
import { contentFingerprint } from '../store/fingerprint';
import { FingerprintIndex } from '../store/fingerprint-index';
import { diffBetween } from '../store/memory-store';
import type {
  ArticleStore,
  ArticleVersion,
  DuplicateLink,
  PutOptions,
  PutResult,
} from '../store/store-types';
import { validateForStore } from '../store/validate-for-store';
import { openDatabase } from './open-database';
import { STORE_SCHEMA, STORE_SCHEMA_VERSION } from './store-schema';

export interface SqliteStoreOptions {
  /** The clock for savedAt; defaults to the system clock. */
  now?: () => string;
  /** Open without writing (no schema changes); puts then fail. */
  readOnly?: boolean;
  /** Caps the file's size (a quota): writes beyond it fail as on a full disk, and roll back. */
  maxBytes?: number;
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
    why = 'another process holds the store locked; try again';
  return new GazetteError('STORE_ERROR', `Cannot ${doing} the store ${path}: ${why}.`, { where: path });
}

interface Row {
  id: string;
  json: string;
  version: number;
}

/** The statements the store runs, prepared once per connection. */
function prepare(db: DatabaseSync) {
  return {
    get: db.prepare('SELECT id, json, version FROM articles WHERE id = ?'),
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
    // An added article raises the count and the last seq, an updated one the sum of versions.
    revision: db.prepare(
      'SELECT count(*) AS n, coalesce(max(seq), 0) AS s, coalesce(sum(version), 0) AS v FROM articles',
    ),
    // Which store (an id made with it) and which state (moved by triggers on every change to articles).
    meta: db.prepare("SELECT key, value FROM meta WHERE key IN ('store_id', 'revision', 'last_change')"),
    all: db.prepare('SELECT json FROM articles ORDER BY seq'),
  } satisfies Record<string, StatementSync>;
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
  let db: DatabaseSync;
  try {
    db = openDatabase(file, { readOnly: options.readOnly ?? false, timeout: 5000 });
    if (!options.readOnly) {
      db.exec('PRAGMA journal_mode = WAL');
      // FULL: a commit survives power loss, not only a crash; an article is acknowledged only then.
      db.exec('PRAGMA synchronous = FULL');
      db.exec(STORE_SCHEMA);
      if (options.maxBytes) {
        const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
        db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.ceil(options.maxBytes / pageSize))}`);
      }
      db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run(
        'schema_version',
        String(STORE_SCHEMA_VERSION),
      );
    }
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
      | { value?: string }
      | undefined;
    if (version?.value && Number(version.value) > STORE_SCHEMA_VERSION)
      throw new GazetteError(
        'STORE_ERROR',
        `The store ${file} was written by a newer Gazette (schema ${version.value}); upgrade Gazette to read it.`,
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

  let index = new FingerprintIndex();
  function loadIndex(): void {
    for (const row of db.prepare('SELECT id, fingerprint FROM articles').iterate() as Iterable<{
      id: string;
      fingerprint: string;
    }>)
      index.add(row.id, row.fingerprint);
  }
  try {
    loadIndex();
  } catch (error) {
    throw storeError(file, error, 'read');
  }
  let cached: Corpus | undefined;
  let closed = false;
  const meta = () =>
    Object.fromEntries((q.meta.all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));

  function putOne(article: Article, savedAt: string): PutResult {
    const fp = contentFingerprint(article);
    const row = q.get.get(article.id) as Row | undefined;
    const decision = decidePut(article, row?.json, fp, index);
    const json = JSON.stringify(article);
    const url = article.url ?? null;
    const published = article.publishedAt ?? null;
    switch (decision.status) {
      case 'unchanged':
        return { status: 'unchanged', id: article.id, version: row!.version };
      case 'duplicate':
        q.link.run(article.id, decision.duplicateOf!, url, article.title, decision.similarity!, savedAt);
        return {
          status: 'duplicate',
          id: article.id,
          version: 0,
          duplicateOf: decision.duplicateOf!,
          similarity: decision.similarity!,
        };
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
        index.add(article.id, fp);
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
        index.add(article.id, fp);
        return { status: 'added', id: article.id, version: 1 };
    }
  }

  function transaction(articles: readonly Article[], options: PutOptions): PutResult[] {
    if (closed) throw new GazetteError('STORE_ERROR', `The store ${file} is closed.`, { where: file });
    const valid = articles.map(validateForStore);
    const savedAt = options.now ?? now();
    try {
      db.exec('BEGIN IMMEDIATE');
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
      // The fingerprint index may hold what was rolled back: rebuild it from what is committed.
      rebuildIndex();
      throw storeError(file, error, 'write to');
    }
  }

  function rebuildIndex(): void {
    try {
      index = new FingerprintIndex();
      loadIndex();
    } catch {
      // Reading failed too: the next write will report the store's state.
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
    corpus() {
      cached ??= createCorpus(this.list());
      return cached;
    },
    identity() {
      return meta().store_id || undefined;
    },
    revision() {
      const r = q.revision.get() as { n: number; s: number; v: number };
      const m = meta();
      return `${m.revision ?? '-'}.${r.n}.${r.s}.${r.v} ${m.last_change ?? ''}`;
    },
    close() {
      if (closed) return;
      closed = true;
      cached = undefined;
      db.close();
    },
  };
}
