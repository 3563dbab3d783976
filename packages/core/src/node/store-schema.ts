/**
 * The store's SQLite schema. Plain SQLite (no extensions), so Cloudflare D1 can hold the same tables.
 * articles: the current version of each article; article_versions: the versions it replaced;
 * duplicates: the same story seen under another id (URL), linked to the stored article;
 * fingerprint_bands: the MinHash bands of each article's fingerprint, to find near-duplicates.
 * changes: every article added or updated, in commit order (seq), for readers that catch up (an index, a
 * replica); filled by triggers, so every writer logs alike.
 * sources: the feeds the store follows; `source` holds what the user chose (JSON), `state` what polling
 * learnt (JSON), written apart so a poll never undoes a `follow` made meanwhile, nor the other way round;
 * lease_owner/lease_until: which `gazette watch` is polling the source, and until when.
 * meta: the schema version; `store_id`, made at random with the store (or on the first write by this
 * Gazette into an older store), and `revision`/`last_change`, moved by triggers on every change to
 * `articles` (whoever makes it): together they say which store, at which state, a kept snapshot is of.
 */
// 2: fingerprint_bands (the near-duplicate index, read inside each write transaction). A Gazette that
// knows only 1 refuses a store at 2, so it never writes articles without their bands.
// 3: each article's JSON carries `firstSeenAt` (older stores are backfilled from the saved_at of their
// first version on open), so feeds date an undated article by when the store first saw it.
// 4: sources (the feeds the store follows, with their poll state as JSON: validators, failures, next due);
// alerts and alert_deliveries (saved searches, and the webhook POSTs waiting to be sent);
// changes (the ordered change log of articles added and updated, written by triggers, so by every writer).
// 5: sources.lease_owner and lease_until (ms since the epoch): the worker polling a source and until when,
// so several `gazette watch` processes over one file poll each source once (a Gazette at 4 would poll
// around the leases, so it refuses a store at 5).
// 6: fingerprint_bands keys made from all four values of a band, not its first ones (which matched bands
// that differ, a growing share of the rows read per write); the table is rebuilt on open. A Gazette at 5
// would write keys that match nothing here, so it refuses a store at 6.
export const STORE_SCHEMA_VERSION = 6;

export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL,
  url TEXT,
  content_hash TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  version INTEGER NOT NULL,
  saved_at TEXT,
  published_at TEXT,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_slug ON articles(slug);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
CREATE TABLE IF NOT EXISTS article_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  saved_at TEXT,
  content_hash TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE IF NOT EXISTS duplicates (
  id TEXT PRIMARY KEY,
  duplicate_of TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL,
  similarity REAL NOT NULL,
  saved_at TEXT
);
CREATE INDEX IF NOT EXISTS duplicates_of ON duplicates(duplicate_of);
CREATE TABLE IF NOT EXISTS fingerprint_bands (
  key INTEGER NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER
);
CREATE TABLE IF NOT EXISTS alerts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  alert_id TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_at TEXT NOT NULL,
  last_error TEXT,
  gave_up INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  saved_at TEXT
);
CREATE TRIGGER IF NOT EXISTS articles_logged_added AFTER INSERT ON articles BEGIN
  INSERT INTO changes(article_id, version, kind, saved_at) VALUES (NEW.id, NEW.version, 'added', NEW.saved_at);
END;
CREATE TRIGGER IF NOT EXISTS articles_logged_updated AFTER UPDATE OF version ON articles
WHEN NEW.version <> OLD.version BEGIN
  INSERT INTO changes(article_id, version, kind, saved_at) VALUES (NEW.id, NEW.version, 'updated', NEW.saved_at);
END;
INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', '0');
INSERT OR IGNORE INTO meta(key, value) VALUES ('last_change', '');
CREATE TRIGGER IF NOT EXISTS articles_added AFTER INSERT ON articles BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision';
  UPDATE meta SET value = NEW.id || ' ' || NEW.content_hash WHERE key = 'last_change';
END;
CREATE TRIGGER IF NOT EXISTS articles_updated AFTER UPDATE ON articles BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision';
  UPDATE meta SET value = NEW.id || ' ' || NEW.content_hash WHERE key = 'last_change';
END;
CREATE TRIGGER IF NOT EXISTS articles_removed AFTER DELETE ON articles BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision';
  UPDATE meta SET value = OLD.id || ' -' WHERE key = 'last_change';
END;
`;
