import { existsSync } from 'node:fs';
import { GazetteError } from '../errors/gazette-error';
import type { ArticleStore } from '../store/store-types';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';

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
