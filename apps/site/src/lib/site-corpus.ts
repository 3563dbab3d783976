import type { Corpus } from '@gazette/core';
import { readSnapshotFile, readStoreCorpus } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import { profileCorpus } from './profile-corpus';
import { siteEnv } from './site-env';
import { checkCorpusRevision } from './turbo-cache-guard';

/** Reads the corpus, checking its revision before and after (see turbo-cache-guard). */
async function readCorpus(read: () => Corpus | Promise<Corpus>): Promise<Corpus> {
  // Before and after: a write landing while the store is read must not be cached as the revision before it.
  await checkCorpusRevision(siteEnv());
  const corpus = await read();
  await checkCorpusRevision(siteEnv());
  return corpus;
}

/** What GAZETTE_DB names, read while this module loads (a store may be a database, read asynchronously). */
const loadedDb = siteEnv().GAZETTE_DB;
const fromStore = loadedDb
  ? await readCorpus(() => readStoreCorpus(loadedDb, { label: 'GAZETTE_DB' }))
  : undefined;
/** The snapshot or the built-in corpus, checked as the store is (their revision is a file's hash). */
const fixed = fromStore ? undefined : await readCorpus(() => readFixed());

function readFixed(): Corpus {
  const path = siteEnv().GAZETTE_SNAPSHOT;
  return path ? readSnapshotFile(path) : builtinCorpus();
}

let cached: Corpus | undefined;

/** The corpus the site is built from: GAZETTE_DB, else GAZETTE_SNAPSHOT, else the built-in corpus. Loaded once. */
export function siteCorpus(): Corpus {
  if (siteEnv().GAZETTE_DB !== loadedDb)
    throw new Error('GAZETTE_DB changed after the site began to build: build again with the one wanted.');
  const profile = siteEnv().GAZETTE_SITE_PROFILE;
  const corpus = (fromStore ?? fixed)!;
  cached ??= profile ? profileCorpus(corpus, profile) : corpus;
  return cached;
}
