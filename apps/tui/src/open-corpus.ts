import { existsSync } from 'node:fs';
import { type Corpus, GazetteError } from '@gazette/core';
import { openSqliteStore } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import { storePath } from './store-path';

/** The corpus a command works on: the store chosen with --db (or GAZETTE_DB), else the built-in one. */
export async function openCorpus(options: { db?: string | undefined }): Promise<Corpus> {
  const db = storePath(options.db);
  if (!db) return builtinCorpus();
  if (!existsSync(db))
    throw new GazetteError(
      'NOT_FOUND',
      `There is no store at ${db}; create one with "gazette ingest PATH --db ${db}".`,
      { where: db },
    );
  const store = openSqliteStore(db);
  try {
    return store.corpus();
  } finally {
    store.close();
  }
}
