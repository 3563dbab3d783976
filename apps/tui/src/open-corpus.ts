import type { Corpus } from '@gazette/core';
import { builtinCorpus } from '@gazette/corpus';
import { UsageError } from './usage-error';

/** The corpus a command works on: the built-in one unless a store is chosen with --db. */
export async function openCorpus(options: { db?: string | undefined }): Promise<Corpus> {
  if (options.db)
    throw new UsageError('--db needs the article store, which this build does not include yet.');
  return builtinCorpus();
}
