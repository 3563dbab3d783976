import { existsSync } from 'node:fs';
import type { Corpus } from '../corpus/corpus-types';
import { GazetteError } from '../errors/gazette-error';
import type { ArticleStore } from '../store/store-types';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';
import { readStoreSnapshot, storeSnapshotKey, storeSnapshotPath, writeStoreSnapshot } from './store-snapshot';

/**
 * Opens a store that must already exist (reading commands never create one by accident). `label` names
 * where the path came from ("GAZETTE_DB"), so the message points at what to fix.
 */
export function openExistingStore(
  path: string,
  options: SqliteStoreOptions & { label?: string } = {},
): ArticleStore {
  if (!existsSync(path)) {
    const where = options.label
      ? `${options.label} names ${path}, where there is no store`
      : `There is no store at ${path}`;
    throw new GazetteError('NOT_FOUND', `${where}; create one with "gazette ingest PATH --db ${path}".`, {
      where: path,
    });
  }
  const { label: _label, ...storeOptions } = options;
  return openSqliteStore(path, storeOptions);
}

/**
 * Reads an existing store, read-only, into the in-memory corpus that the query functions run on. The
 * corpus's snapshot is kept beside the store (`<path>.snapshot`) and reused while the store is unchanged.
 */
export function readStoreCorpus(
  path: string,
  options: { label?: string; onWait?: (message: string) => void } = {},
): Corpus {
  const store = openExistingStore(path, { ...options, readOnly: true });
  try {
    const key = storeSnapshotKey(store.revision());
    const file = storeSnapshotPath(path);
    const kept = readStoreSnapshot(file, key);
    if (kept) return kept;
    const corpus = store.corpus();
    writeStoreSnapshot(file, key, corpus);
    return corpus;
  } finally {
    store.close();
  }
}
