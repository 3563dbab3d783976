import { GazetteError, isGazetteError } from '@gazette/core/query';
import { openCorpus } from '../open-corpus';
import type { GazetteSource } from './gazette-source';
import { localSource } from './local-source';

export interface SourceOptions {
  /** A Gazette API base URL: read everything from it instead of a local corpus. */
  api?: string | undefined;
  db?: string | undefined;
  /** A corpus snapshot file (the bytes of `corpus.toSnapshot()`), from GAZETTE_SNAPSHOT. */
  snapshot?: string | undefined;
}

async function snapshotCorpus(path: string) {
  const { readSnapshotFile } = await import('@gazette/core/node/query');
  try {
    return readSnapshotFile(path);
  } catch (error) {
    // Say where the path came from, so the message points at what to fix.
    if (isGazetteError(error))
      throw new GazetteError(error.code, `GAZETTE_SNAPSHOT: ${error.message}`, error.details);
    throw error;
  }
}

/** The API's client (`@gazette/api/client`) as a source; a bad URL is a mistake in --api. */
async function remoteSource(api: string): Promise<GazetteSource> {
  const { isRemoteError, remoteCorpus, RemoteError } = await import('@gazette/api/client');
  try {
    const remote = remoteCorpus(api);
    return { ...remote, label: remote.url };
  } catch (error) {
    if (isRemoteError(error)) throw new RemoteError(`--api needs a URL: ${error.message}`, api);
    throw error;
  }
}

/** Where commands and the UI read from: the API with --api, else a snapshot, a store, or the built-in corpus. */
export async function openSource(options: SourceOptions): Promise<GazetteSource> {
  // The HTTP client is loaded only for --api.
  if (options.api) return remoteSource(options.api);
  if (options.snapshot && !options.db)
    return localSource(await snapshotCorpus(options.snapshot), `snapshot ${options.snapshot}`);
  return localSource(await openCorpus({ db: options.db }), options.db ? options.db : 'built-in corpus');
}
