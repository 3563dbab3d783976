import { GazetteError, isGazetteError } from '@gazette/core/query';
import { openCorpus } from '../open-corpus';
import type { GazetteSource } from './gazette-source';
import { storePath } from '../store-path';
import { alertedAmong, liveFeed } from './live-feed';
import { liveLocalSource } from './live-source';
import { localSource } from './local-source';
import { openStoreLive } from './store-live';

export interface SourceOptions {
  /** A Gazette API base URL: read everything from it instead of a local corpus. */
  api?: string | undefined;
  db?: string | undefined;
  /** A corpus snapshot file (the bytes of `corpus.toSnapshot()`), from GAZETTE_SNAPSHOT. */
  snapshot?: string | undefined;
  /** Follow the store or API as it changes (the interactive UI); one-shot commands read once. */
  live?: boolean;
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
async function remoteSource(api: string, live: boolean): Promise<GazetteSource> {
  const { isRemoteError, remoteCorpus, remoteLive, RemoteError } = await import('@gazette/api/client');
  try {
    if (live) {
      const followed = remoteLive(api);
      return { ...followed.corpus, label: followed.corpus.url, live: liveFeed(followed) };
    }
    const remote = remoteCorpus(api);
    return { ...remote, label: remote.url };
  } catch (error) {
    if (isRemoteError(error)) throw new RemoteError(`--api needs a URL: ${error.message}`, api);
    throw error;
  }
}

/** A store followed as other processes write to it, with new articles checked against its alerts. */
async function liveStoreSource(db: string): Promise<GazetteSource> {
  const { live, alerts, onNotice } = await openStoreLive(db, {
    // Through console, which the running UI (Ink, patchConsole) draws above its frame: a raw write to
    // standard error would land in the middle of the screen.
    onWait: (message) => console.error(`gazette: ${message}…`),
  });
  const feed = liveFeed({ ...live, onNotice }, (changed) =>
    alertedAmong(alerts(), changed, (id) => live.corpus().get(id)),
  );
  const { withoutPassword } = await import('@gazette/core/node/query');
  return liveLocalSource(live, withoutPassword(db), feed);
}

/** Where commands and the UI read from: the API with --api, else a snapshot, a store, or the built-in corpus. */
export async function openSource(options: SourceOptions): Promise<GazetteSource> {
  // The HTTP client is loaded only for --api.
  if (options.api) return remoteSource(options.api, Boolean(options.live));
  const db = storePath(options.db);
  if (options.snapshot && !options.db)
    return localSource(await snapshotCorpus(options.snapshot), `snapshot ${options.snapshot}`);
  if (options.live && db) return liveStoreSource(db);
  const corpus = await openCorpus({ db: options.db });
  if (!options.db) return localSource(corpus, 'built-in corpus');
  // A database URL is shown without its password.
  const { withoutPassword } = await import('@gazette/core/node/query');
  return localSource(corpus, withoutPassword(options.db));
}
