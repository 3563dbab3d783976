import { existsSync } from 'node:fs';
import type { Corpus } from '../corpus/components/corpus-types';
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

/** Where a reader's notices go: one line each, on standard error unless the caller says otherwise. */
export type Notice = (line: string) => void;
const toStderr: Notice = (line) => process.stderr.write(`${line}\n`);

/**
 * Reads an existing store, read-only, into the in-memory corpus that the query functions run on. The
 * corpus's snapshot is kept beside the store (`<path>.snapshot`) under the store's identity and exact
 * revision, and reused while both match; a damaged or foreign one is rebuilt, with one notice.
 */
export function readStoreCorpus(
  path: string,
  options: { label?: string; notice?: Notice; onWait?: (message: string) => void } = {},
): Corpus {
  const { notice = toStderr, ...storeOptions } = options;
  const store = openExistingStore(path, { ...storeOptions, readOnly: true });
  try {
    const identity = store.identity();
    if (!identity) {
      notice(
        `gazette: the store ${path} was made by an older Gazette and has no id yet, so no snapshot of it is kept (it is indexed on each read); the next "gazette ingest --db ${path}" gives it one.`,
      );
      return store.corpus();
    }
    const file = storeSnapshotPath(path);
    const revision = store.revision();
    const key = storeSnapshotKey(identity, revision);
    const kept = readStoreSnapshot(file, key);
    if ('corpus' in kept) return kept.corpus;
    if (kept.refused === 'damaged' || kept.refused === 'foreign')
      notice(
        `gazette: the kept snapshot ${file} is ${kept.refused} (${kept.why}); rebuilt it from the store.`,
      );
    const corpus = store.corpus();
    // Kept only if no write landed while it was built: the key must say exactly what it holds.
    if (store.revision() === revision) writeStoreSnapshot(file, key, corpus);
    return corpus;
  } finally {
    store.close();
  }
}
