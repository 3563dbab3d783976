import { statSync } from 'node:fs';
import { isStoreUrl } from './open-any-store';

/**
 * Which file a SQLite store path names now (device and inode), or undefined for a database URL or a path
 * with no file. A reader compares it with the one it opened: a file moved or copied into the path (a backup
 * restored, the store deleted and made again) is another store, which the reader's open connection does not
 * see, so what it serves would silently stop moving.
 */
export function storeFileIdentity(db: string | undefined): string | undefined {
  if (!db || isStoreUrl(db)) return undefined;
  try {
    const s = statSync(db, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return 'none';
  }
}

/** What a reader says when the file it opened is no longer at its path. */
export const replacedStoreMessage = (db: string): string =>
  `the store ${db} was replaced (another file is at that path now, or none): showing what was loaded from the file first opened; restart to read the new one`;
