import type { Corpus } from '@gazette/core';
import { readStoreCorpus } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import { storePath } from './store-path';

/** The corpus a command works on: the store chosen with --db (or GAZETTE_DB), else the built-in one. */
export async function openCorpus(options: { db?: string | undefined }): Promise<Corpus> {
  const db = storePath(options.db);
  return db ? readStoreCorpus(db) : builtinCorpus();
}
