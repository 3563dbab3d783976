import type { DatabaseSync } from 'node:sqlite';
import { isFingerprint } from '../store/fingerprint';
import {
  BANDS,
  integerBandKeys as integerKeys,
  MAX_CANDIDATES,
  type NearCandidate,
  rankCandidates,
} from '../store/fingerprint-index';

/**
 * The near-duplicate index kept in the store itself (table fingerprint_bands: one row per MinHash band
 * of each article), so a writer reads what every process has committed, inside its own transaction,
 * instead of an index loaded once when it opened the store.
 */
export function sqliteFingerprints(db: DatabaseSync) {
  const placeholders = (n: string) => Array.from({ length: BANDS }, () => n).join(', ');
  // At most MAX_CANDIDATES compared, those sharing the most bands first: text that many articles share
  // (a footer, boilerplate) must not make every write compare against all of them.
  const near = db.prepare(
    `SELECT a.id AS id, a.fingerprint AS fingerprint FROM (SELECT id, count(*) AS shared FROM fingerprint_bands WHERE key IN (${placeholders('?')}) GROUP BY id ORDER BY shared DESC LIMIT ${MAX_CANDIDATES}) c JOIN articles a ON a.id = c.id`,
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO fingerprint_bands(key, id) VALUES ${placeholders('(?, ?)')}`,
  );
  const remove = db.prepare(`DELETE FROM fingerprint_bands WHERE id = ? AND key IN (${placeholders('?')})`);
  return {
    /** Indexes an article's new fingerprint in place of its previous one ("" for a new article). */
    set(id: string, fp: string, previous = ''): void {
      if (isFingerprint(previous)) remove.run(id, ...integerKeys(previous));
      if (isFingerprint(fp)) insert.run(...integerKeys(fp).flatMap((k) => [k, id]));
    },
    /** Stored articles near `fp` (other than `exceptId`), most similar first. */
    candidates(fp: string, exceptId?: string): NearCandidate[] {
      if (!isFingerprint(fp)) return [];
      const rows = near.all(...integerKeys(fp)) as Array<{ id: string; fingerprint: string }>;
      return rankCandidates(fp, rows, exceptId);
    },
  };
}

/**
 * Fills the table afresh from the articles' fingerprints: a store written before the table existed, or
 * before band keys were made from all of a band's values (schema 6; the old keys match nothing now).
 */
export function rebuildFingerprintBands(db: DatabaseSync): void {
  db.exec('DELETE FROM fingerprint_bands');
  const index = sqliteFingerprints(db);
  const rows = db.prepare('SELECT id, fingerprint FROM articles').iterate() as Iterable<{
    id: string;
    fingerprint: string;
  }>;
  for (const row of rows) index.set(row.id, row.fingerprint);
}
