import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { changePageSize } from '../store/memory-store';
import type { ChangePage } from '../store/store-types';

interface ChangeRow {
  seq: number;
  id: string;
  version: number;
  kind: 'added' | 'updated';
  saved_at: string | null;
}

/**
 * The store's change log, paged by sequence number. Prepared on first use: an older store opened read-only
 * has no log until a writer upgrades it (then the next call finds it).
 */
export function sqliteChanges(db: DatabaseSync): (since: number, limit?: number) => ChangePage {
  let read: StatementSync | undefined;
  return (since, limit) => {
    read ??= db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'changes'").get()
      ? db.prepare(
          'SELECT seq, article_id AS id, version, kind, saved_at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
        )
      : undefined;
    if (!read) return { changes: [], last: since };
    const rows = read.all(Math.max(0, since), changePageSize(limit)) as unknown as ChangeRow[];
    const changes = rows.map(({ saved_at, ...c }) => (saved_at ? { ...c, savedAt: saved_at } : c));
    return { changes, last: changes.at(-1)?.seq ?? since };
  };
}
