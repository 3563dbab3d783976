import { readFileSync } from 'node:fs';
import { type Corpus, GazetteError, loadCorpus } from '@gazette/core';
import { readStoreCorpus } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import { profileCorpus } from './profile-corpus';
import { siteEnv } from './site-env';

let cached: Corpus | undefined;

/** The corpus the site is built from: GAZETTE_DB, else GAZETTE_SNAPSHOT, else the built-in corpus. Loaded once. */
export function siteCorpus(): Corpus {
  const profile = siteEnv().GAZETTE_SITE_PROFILE;
  cached ??= profile ? profileCorpus(readCorpus(), profile) : readCorpus();
  return cached;
}

function readCorpus(): Corpus {
  const db = siteEnv().GAZETTE_DB;
  if (db) return readStoreCorpus(db, { label: 'GAZETTE_DB' });
  const path = siteEnv().GAZETTE_SNAPSHOT;
  if (!path) return builtinCorpus();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new GazetteError(
      'INVALID_SNAPSHOT',
      `GAZETTE_SNAPSHOT=${path} cannot be read: ${(e as Error).message}`,
    );
  }
  return loadCorpus(JSON.parse(text));
}
