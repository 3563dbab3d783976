import { readFile } from 'node:fs/promises';
import { GazetteError, loadCorpus } from '@gazette/core';
import { openCorpus } from '../open-corpus';
import type { GazetteSource } from './gazette-source';
import { localSource } from './local-source';
import { remoteSource } from './remote-source';

export interface SourceOptions {
  /** A Gazette API base URL: read everything from it instead of a local corpus. */
  api?: string | undefined;
  db?: string | undefined;
  /** A corpus snapshot file (JSON of `corpus.toSnapshot()`), from GAZETTE_SNAPSHOT. */
  snapshot?: string | undefined;
}

async function snapshotCorpus(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GazetteError(
      'INVALID_SNAPSHOT',
      `Cannot read the snapshot ${path} (GAZETTE_SNAPSHOT): ${(error as Error).message}.`,
      { where: path },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GazetteError('INVALID_SNAPSHOT', `The snapshot ${path} (GAZETTE_SNAPSHOT) is not JSON.`, {
      where: path,
    });
  }
  return loadCorpus(data);
}

/** Where commands and the UI read from: the API with --api, else a snapshot, a store, or the built-in corpus. */
export async function openSource(options: SourceOptions): Promise<GazetteSource> {
  if (options.api) return remoteSource(options.api);
  if (options.snapshot && !options.db)
    return localSource(await snapshotCorpus(options.snapshot), `snapshot ${options.snapshot}`);
  return localSource(await openCorpus({ db: options.db }), options.db ? options.db : 'built-in corpus');
}
