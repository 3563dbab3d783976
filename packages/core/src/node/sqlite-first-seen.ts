import type { DatabaseSync } from 'node:sqlite';
import type { Article } from '../model/article-schema';
import { withFirstSeen } from '../store/first-seen';

/**
 * Gives each article of a store written before `firstSeenAt` existed (schema 2 and older) the time its
 * first version was saved, which the store kept all along: the current row's `saved_at` for an article
 * never updated, else its version 1's. Written as a put writes it (the field last), so putting the same
 * article again is still "unchanged". Runs once, inside the migration's transaction.
 */
export function backfillFirstSeen(db: DatabaseSync): void {
  const rows = db
    .prepare(
      `SELECT a.id, a.json, coalesce(
         (SELECT v.saved_at FROM article_versions v WHERE v.id = a.id AND v.version = 1), a.saved_at
       ) AS first_saved
       FROM articles a WHERE a.json NOT LIKE '%"firstSeenAt":%'`,
    )
    .all() as Array<{ id: string; json: string; first_saved: string | null }>;
  const update = db.prepare('UPDATE articles SET json = ? WHERE id = ?');
  for (const row of rows) {
    if (!row.first_saved) continue;
    const article = JSON.parse(row.json) as Article;
    update.run(JSON.stringify(withFirstSeen(article, undefined, row.first_saved)), row.id);
  }
}
