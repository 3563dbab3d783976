import type { Corpus } from '@gazette/core';
import { readStoreCorpus } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import type { Env } from '../env';

/**
 * The corpus the Node server serves: the store named by `GAZETTE_DB` (read once, read-only, into the
 * in-memory corpus the query functions run on), else the built-in corpus.
 */
export async function openCorpus(env: Pick<Env, 'GAZETTE_DB'>): Promise<{ corpus: Corpus; name: string }> {
  const db = env.GAZETTE_DB;
  if (db === undefined) return { corpus: builtinCorpus(), name: 'built-in corpus' };
  return {
    corpus: readStoreCorpus(db, {
      label: 'GAZETTE_DB',
      onWait: (message) => console.error(`gazette-api: ${message}…`),
    }),
    name: `store ${db}`,
  };
}
