import type { Corpus } from '@gazette/core';
import { readSnapshotFile, readStoreCorpus } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import { profileCorpus } from './profile-corpus';
import { siteEnv } from './site-env';
import { checkCorpusRevision } from './turbo-cache-guard';

let cached: Corpus | undefined;

/** The corpus the site is built from: GAZETTE_DB, else GAZETTE_SNAPSHOT, else the built-in corpus. Loaded once. */
export function siteCorpus(): Corpus {
  const profile = siteEnv().GAZETTE_SITE_PROFILE;
  cached ??= profile ? profileCorpus(readCorpus(), profile) : readCorpus();
  return cached;
}

function readCorpus(): Corpus {
  // Before and after: a write landing while the store is read must not be cached as the revision before it.
  checkCorpusRevision(siteEnv());
  const corpus = readSource();
  checkCorpusRevision(siteEnv());
  return corpus;
}

function readSource(): Corpus {
  const db = siteEnv().GAZETTE_DB;
  if (db) return readStoreCorpus(db, { label: 'GAZETTE_DB' });
  const path = siteEnv().GAZETTE_SNAPSHOT;
  return path ? readSnapshotFile(path) : builtinCorpus();
}
