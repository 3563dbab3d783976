import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE: the write lock is taken before anything is read,
 * so another process cannot change what `fn` reads before it commits): all of it is committed, or (on a
 * throw or a kill) none.
 */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = fn();
    db.exec('COMMIT');
    return out;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
