/**
 * The PostgreSQL store's schema, as versioned, forward-only migrations: each runs once, in order, in the
 * transaction of `migratePostgres`, which records it in `gazette_schema`. A released migration is never
 * edited: a change to the schema is a new one at the end. A store refuses to open at a version it does not
 * know (written by a newer Gazette) or one short of the last (run `gazette migrate`).
 *
 * Why the tables look as they do (the SQLite store's, see `node/store-schema.ts`, with what differs):
 * - Article JSON is `text` (lz4-compressed where the server can), not `jsonb`: a put compares the JSON as written to find an article unchanged
 *   (jsonb reorders keys), and text keeps `\u0000` escapes jsonb refuses. Columns copied out of an article
 *   are only those the schema bounds (id, slug, content hash), so no value of an article can hit a text or
 *   index limit; a slug is looked up by a hash index (no btree entry-size limit).
 * - `changes.seq` comes from an identity sequence; writers of articles take one advisory lock per
 *   transaction (see `postgres-put.ts`), so seqs commit in order and a reader paging the log never skips one.
 * - `sources` carries its lease (`lease_owner`, `lease_until`) and its due time, copied from its poll state,
 *   so `lease` finds due sources by an index and locks them with `FOR UPDATE SKIP LOCKED`.
 * - `gazette_meta.store_id` is made at random with the schema: the store's identity.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, versions, near-duplicates, change log, sources with leases, alerts',
    sql: `
CREATE TABLE gazette_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO gazette_meta(key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', ''));
CREATE TABLE articles (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  slug text NOT NULL,
  content_hash text NOT NULL,
  fingerprint text NOT NULL,
  version integer NOT NULL,
  saved_at text,
  json text NOT NULL
);
CREATE INDEX articles_slug ON articles USING hash (slug);
CREATE TABLE article_versions (
  id text NOT NULL,
  version integer NOT NULL,
  saved_at text,
  content_hash text NOT NULL,
  json text NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE duplicates (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  duplicate_of text NOT NULL,
  link text NOT NULL
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);
CREATE TABLE fingerprint_bands (
  key bigint NOT NULL,
  id text NOT NULL,
  PRIMARY KEY (key, id)
);
CREATE TABLE changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id text NOT NULL,
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('added', 'updated')),
  saved_at text
);
CREATE TABLE sources (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  url text NOT NULL,
  source text NOT NULL,
  state text NOT NULL,
  next_poll_at timestamptz NOT NULL,
  lease_owner text,
  lease_until timestamptz
);
CREATE UNIQUE INDEX sources_url ON sources (md5(url));
CREATE INDEX sources_due ON sources (next_poll_at);
CREATE TABLE alerts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  json text NOT NULL
);
CREATE TABLE alert_deliveries (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  alert_id text NOT NULL,
  body text NOT NULL,
  attempts integer NOT NULL,
  next_at text NOT NULL,
  last_error text,
  gave_up boolean NOT NULL DEFAULT false
);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id);
-- Article JSON (kilobytes each) is compressed with lz4 where the server has it: PostgreSQL's default (pglz)
-- made a 1,000-article putMany about a third slower. A server built without lz4 keeps pglz.
DO $$ BEGIN
  ALTER TABLE articles ALTER COLUMN json SET COMPRESSION lz4;
  ALTER TABLE article_versions ALTER COLUMN json SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
`,
  },
  {
    version: 2,
    name: 'near-duplicate band keys made from all four values of a band',
    // The same key as integerBandKeys (store/fingerprint-index.ts): the band's number above the sum of its
    // four 32-bit values times 1, 40503, 131071 and 262139, modulo 2^48. Version 1 keyed a band on its
    // first values only, so bands that differ matched (a growing share of the rows each write reads).
    sql: `
TRUNCATE fingerprint_bands;
INSERT INTO fingerprint_bands(key, id)
SELECT b * 281474976710656 + mod(
    ('x' || substr(a.fingerprint, b * 32 + 1, 8))::bit(32)::bigint
    + ('x' || substr(a.fingerprint, b * 32 + 9, 8))::bit(32)::bigint * 40503
    + ('x' || substr(a.fingerprint, b * 32 + 17, 8))::bit(32)::bigint * 131071
    + ('x' || substr(a.fingerprint, b * 32 + 25, 8))::bit(32)::bigint * 262139,
    281474976710656), a.id
FROM articles a CROSS JOIN generate_series(0, 15) AS b
WHERE length(a.fingerprint) = 512
ON CONFLICT DO NOTHING;
`,
  },
];

/** The schema version this Gazette writes and reads: the last migration's. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
