import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { GazetteError } from '../errors/gazette-error';

/** SQLITE_READONLY and SQLITE_CANTOPEN, whatever their extended code. */
const cannotShareMemory = (error: unknown) => {
  const code = ((error as { errcode?: number }).errcode ?? 0) & 0xff;
  return code === 8 || code === 14;
};

const hasUncheckpointedWal = (file: string) => existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;

/**
 * Opens the SQLite file. Read-only opens work on read-only media too: a WAL store needs its `-shm`
 * file, which SQLite cannot create in a folder it may not write (a CD, a read-only mount, a folder of
 * another user's), so then the store is opened `immutable` (no locks, no shared memory). That is safe
 * because nothing can write there either; a `-wal` file left with content (a writer that did not
 * close) would be ignored that way, so that store is refused, saying why.
 */
export function openDatabase(file: string, options: { readOnly: boolean; timeout: number }): DatabaseSync {
  const { readOnly } = options;
  const db = new DatabaseSync(file, options);
  if (!readOnly || file === ':memory:') return db;
  try {
    // SQLite opens lazily: the first statement is where a missing -shm shows.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    // Anything else (a lock another process holds, a file that is no database) is for the caller's
    // first statement to meet, and to wait for or report as it does.
    if (!cannotShareMemory(error)) return db;
    db.close();
    if (hasUncheckpointedWal(file))
      throw new GazetteError(
        'STORE_ERROR',
        `Cannot read the store ${file}: its folder is read-only and ${file}-wal holds changes not yet in the store (a writer did not close); open it once where it can be written, e.g. "gazette list --db ${file}" in a writable copy of the folder.`,
        { where: file },
      );
    return new DatabaseSync(new URL(`${pathToFileURL(file).href}?immutable=1`), options);
  }
}
