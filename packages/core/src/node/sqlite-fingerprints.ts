import type { DatabaseSync } from 'node:sqlite';
import { isFingerprint } from '../store/fingerprint';
import { BANDS, bandKeys, type NearCandidate, rankCandidates } from '../store/fingerprint-index';

/**
 * The near-duplicate index kept in the store itself (table fingerprint_bands: one row per MinHash band
 * of each article), so a writer reads what every process has committed, inside its own transaction,
 * instead of an index loaded once when it opened the store.
 */
export function sqliteFingerprints(db: DatabaseSync) {
  const placeholders = Array.from({ length: BANDS }, () => '?').join(', ');
  const near = db.prepare(
    `SELECT DISTINCT a.id AS id, a.fingerprint AS fingerprint FROM fingerprint_bands b JOIN articles a ON a.id = b.id WHERE b.key IN (${placeholders})`,
  );
  const insert = db.prepare('INSERT OR IGNORE INTO fingerprint_bands(key, id) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM fingerprint_bands WHERE id = ?');
  const set = (id: string, fp: string): void => {
    remove.run(id);
    if (isFingerprint(fp)) for (const k of bandKeys(fp)) insert.run(k, id);
  };
  return {
    set,
    /** Stored articles near `fp` (other than `exceptId`), most similar first. */
    candidates(fp: string, exceptId?: string): NearCandidate[] {
      if (!isFingerprint(fp)) return [];
      const rows = near.all(...bandKeys(fp)) as Array<{ id: string; fingerprint: string }>;
      return rankCandidates(fp, rows, exceptId);
    },
    /** Fills the table from the articles' fingerprints (a store written before the table existed). */
    backfill(): void {
      const rows = db.prepare('SELECT id, fingerprint FROM articles').iterate() as Iterable<{
        id: string;
        fingerprint: string;
      }>;
      for (const row of rows) set(row.id, row.fingerprint);
    },
  };
}
