import { existsSync } from 'node:fs';
import type { Corpus } from '@gazette/core';
import { openSqliteStore } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import type { Env } from '../env';

/**
 * The corpus the Node server serves: the store named by `GAZETTE_DB` (read once, read-only, into the
 * in-memory corpus the query functions run on), else the built-in corpus.
 */
export async function openCorpus(env: Pick<Env, 'GAZETTE_DB'>): Promise<{ corpus: Corpus; name: string }> {
  const db = env.GAZETTE_DB;
  if (db === undefined) return { corpus: builtinCorpus(), name: 'built-in corpus' };
  if (!existsSync(db))
    throw new Error(
      `GAZETTE_DB names ${db}, where there is no store; create one with "gazette ingest PATH --db ${db}".`,
    );
  const store = openSqliteStore(db, { readOnly: true });
  try {
    return { corpus: store.corpus(), name: `store ${db}` };
  } finally {
    store.close();
  }
}
