/**
 * The store's SQLite schema. Plain SQLite (no extensions), so Cloudflare D1 can hold the same tables.
 * articles: the current version of each article; article_versions: the versions it replaced;
 * duplicates: the same story seen under another id (URL), linked to the stored article;
 * fingerprint_bands: the MinHash bands of each article's fingerprint, to find near-duplicates.
 */
// 2: fingerprint_bands (the near-duplicate index, read inside each write transaction). A Gazette that
// knows only 1 refuses a store at 2, so it never writes articles without their bands.
export const STORE_SCHEMA_VERSION = 2;

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
`;
