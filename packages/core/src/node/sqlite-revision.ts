import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * The store's revision (see `ArticleStore.revision`), read on every catch-up of a live corpus, on the
 * serving thread: from the counter and last change that triggers move on every change to `articles`
 * (whoever makes it), two key lookups in `meta`, whatever the store's size. Counting the articles
 * instead (count, max seq, sum of versions) reads every row: ~55 ms at 30k and seconds at 100k, twice
 * per commit, which held the API's searches behind it (bench:live). Only a store made before the
 * counter (opened read-only, so never given its triggers) is counted, its statement prepared then.
 * The counter comes first: `revisionCounter` reads it.
 */
export function sqliteRevision(db: DatabaseSync): () => string {
  const meta = db.prepare("SELECT key, value FROM meta WHERE key IN ('revision', 'last_change')");
  let counted: StatementSync | undefined;
  return () => {
    const m = Object.fromEntries(
      (meta.all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]),
    );
    if (m.revision !== undefined) return `${m.revision}.${m.last_change ?? ''}`;
    // An added article raises the count and the last seq, an updated one the sum of versions.
    counted ??= db.prepare(
      'SELECT count(*) AS n, coalesce(max(seq), 0) AS s, coalesce(sum(version), 0) AS v FROM articles',
    );
    const r = counted.get() as { n: number; s: number; v: number };
    return `-.${r.n}.${r.s}.${r.v}`;
  };
}
