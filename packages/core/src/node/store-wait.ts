import type { DatabaseSync } from 'node:sqlite';

/** How long SQLite retries a locked store quietly before the caller is told it is waiting. */
export const QUIET_WAIT_MS = 1000;
/** How long a reader or writer waits for another process's lock in all, before giving up. */
export const DEFAULT_STORE_WAIT_MS = 120_000;

export const isBusy = (error: unknown): boolean => {
  const e = error as { message?: string; errcode?: number };
  const code = (e?.errcode ?? 0) & 0xff;
  return (
    code === 5 || code === 6 || /database is locked|database is busy|SQLITE_BUSY/i.test(e?.message ?? '')
  );
};

/**
 * Runs `fn` (a statement that needs the store's lock); when another process holds it past the quiet
 * wait, says so once through `onWait` and keeps waiting up to `waitMs` in all. Another writer commits
 * in bounded batches, so the wait is short unless that process is stuck.
 */
export function whileWaiting<T>(
  db: DatabaseSync,
  fn: () => T,
  wait: { waitMs: number; onWait?: (() => void) | undefined },
): T {
  try {
    return fn();
  } catch (error) {
    if (!isBusy(error) || wait.waitMs <= QUIET_WAIT_MS) throw error;
  }
  wait.onWait?.();
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(wait.waitMs - QUIET_WAIT_MS))}`);
  try {
    return fn();
  } finally {
    db.exec(`PRAGMA busy_timeout = ${QUIET_WAIT_MS}`);
  }
}
