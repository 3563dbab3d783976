import type { Corpus } from '@gazette/core/query';
import { storePath } from './store-path';

/** The corpus a command works on: the store chosen with --db (or GAZETTE_DB), else the built-in one. */
export async function openCorpus(options: { db?: string | undefined }): Promise<Corpus> {
  const db = storePath(options.db);
  // Each loaded only when used: a start-up pays for the one it reads.
  if (db)
    return (await import('@gazette/core/node/query')).readStoreCorpus(db, {
      onWait: (message) => process.stderr.write(`gazette: ${message}…\n`),
    });
  return (await import('@gazette/corpus')).builtinCorpus();
}
