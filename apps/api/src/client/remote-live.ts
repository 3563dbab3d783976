import {
  type ChangesResult,
  ChangesResultSchema,
  type LiveVersion,
  LiveVersionSchema,
} from '@gazette/core/query';
import { z } from 'zod';
import { checkedGet, type FetchOptions } from './checked-get';
import { apiBaseUrl, type RemoteCorpus, remoteCorpus } from './remote-corpus';
import { isRemoteError, RemoteError } from './remote-error';

/** `/healthz` as far as following goes: an API serving a live store reports its version there. */
const HealthSchema = z.object({ version: LiveVersionSchema.optional() });

export interface RemoteLiveOptions extends FetchOptions {
  /** Time between polls of `/v1/changes` while all is well (1 s by default). */
  intervalMs?: number;
  /** The longest wait between polls while the API fails (doubling from intervalMs, with jitter). */
  maxIntervalMs?: number;
  /** Pages of changes read in one poll at most (the rest waits for the next poll). */
  maxPages?: number;
}

/**
 * A Gazette API followed as it changes: its reads (the server answers from its current corpus) and the
 * versions it moves through. The shape of a store's LiveCorpus, with the corpus over HTTP.
 */
export interface RemoteLive {
  readonly corpus: RemoteCorpus;
  /** The version last seen, or undefined before the first answer. */
  version(): LiveVersion | undefined;
  /** Called when the API's corpus moved on, with the ids added or updated since (in change-log order). */
  subscribe(listener: (version: LiveVersion, changed: readonly string[]) => void): () => void;
  /**
   * Called with the error when a poll fails, and whether it is retried (with backoff; not when the API
   * does not report changes: it serves a fixed corpus), and with undefined when polls work again. A
   * listener added while polls fail is told at once.
   */
  onTrouble(listener: (error: RemoteError | undefined, retrying: boolean) => void): () => void;
  /** Stops polling (a poll in flight is abandoned). */
  close(): Promise<void>;
}

const moved = (a: LiveVersion | undefined, b: LiveVersion) =>
  !a || a.revision !== b.revision || a.seq !== b.seq || a.articles !== b.articles;

/** Ids in the order first changed, each once. */
function changedIds(pages: readonly ChangesResult[]): string[] {
  return [...new Set(pages.flatMap((p) => p.changes.map((c) => c.id)))];
}

/** Changes asked for per page (the API's largest page). */
const PAGE = 1000;

/** The API cannot be followed: polling stops rather than retry what will not change. */
class NotLive extends RemoteError {}

/**
 * Follows the Gazette API at `base`: reads its version from `/healthz`, then polls
 * `GET /v1/changes?since=CURSOR` every `intervalMs` (each call under one deadline), and tells subscribers
 * when the version moved, with the changed ids. Failures never throw: they go to `onTrouble` and the poll
 * is retried with exponential backoff and jitter. An API without a version (a fixed corpus, the edge
 * build) or without `/v1/changes` is reported once and not polled again.
 */
export function remoteLive(base: string | URL, options: RemoteLiveOptions = {}): RemoteLive {
  const root = typeof base === 'string' ? apiBaseUrl(base) : base;
  const { intervalMs = 1000, maxIntervalMs = 30_000, maxPages = 10 } = options;
  const get = checkedGet(root, { timeoutMs: 5000, ...options });
  const corpus = remoteCorpus(root, options);
  const listeners = new Set<(version: LiveVersion, changed: readonly string[]) => void>();
  const troubleListeners = new Set<(error: RemoteError | undefined, retrying: boolean) => void>();
  const stop = new AbortController();
  let current: LiveVersion | undefined;
  let cursor: string | undefined;
  let failures = 0;
  /** The trouble now (told to a listener added later), or undefined while polls work. */
  let trouble: { error: RemoteError; retrying: boolean } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function start(): Promise<void> {
    const health = await get(new URL('healthz', root), HealthSchema, { signal: stop.signal });
    if (!health?.version)
      throw new NotLive(
        `The Gazette API at ${root.origin} serves a fixed corpus (no version in /healthz).`,
        root.href,
      );
    current = health.version;
    cursor = String(health.version.seq);
  }

  /** A page of changes; undefined when the API has no such route (an older one). */
  async function changesPage(url: URL): Promise<ChangesResult | undefined> {
    try {
      return await get(url, ChangesResultSchema, { mayBeMissing: true, signal: stop.signal });
    } catch (error) {
      // 501: the server serves a bundled corpus; asking again will not change that.
      if (isRemoteError(error) && error.status === 501 && !(error instanceof NotLive))
        throw new NotLive(error.message, url.href, 501);
      throw error;
    }
  }

  async function poll(from: string): Promise<void> {
    const pages: ChangesResult[] = [];
    let at = from;
    for (let i = 0; i < maxPages; i++) {
      const url = new URL('v1/changes', root);
      url.searchParams.set('since', at);
      url.searchParams.set('limit', String(PAGE));
      const page = await changesPage(url);
      if (!page)
        throw new NotLive(`The Gazette API at ${root.origin} has no /v1/changes to follow.`, url.href);
      pages.push(page);
      const done = page.changes.length === 0 || page.nextCursor === at;
      at = page.nextCursor;
      if (done) break;
    }
    cursor = at;
    const latest = pages.at(-1)!.version;
    const changed = changedIds(pages);
    if (!changed.length && !moved(current, latest)) return;
    current = latest;
    for (const listener of [...listeners]) listener(latest, changed);
  }

  const schedule = (ms: number) => {
    if (stop.signal.aborted) return;
    timer = setTimeout(tick, ms);
    // Following never keeps a process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  };

  async function tick(): Promise<void> {
    try {
      await (cursor === undefined ? start() : poll(cursor));
      trouble = undefined;
      if (failures) for (const listener of [...troubleListeners]) listener(undefined, true);
      failures = 0;
      schedule(intervalMs);
    } catch (error) {
      if (stop.signal.aborted) return;
      failures++;
      const failed = isRemoteError(error) ? error : new RemoteError(String(error), root.href);
      const retrying = !(failed instanceof NotLive);
      trouble = { error: failed, retrying };
      for (const listener of [...troubleListeners]) listener(failed, retrying);
      if (!retrying) return;
      const backoff = Math.min(maxIntervalMs, intervalMs * 2 ** failures);
      schedule(backoff * (0.8 + 0.4 * Math.random()));
    }
  }
  schedule(0);

  return {
    corpus,
    version: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTrouble(listener) {
      troubleListeners.add(listener);
      if (trouble) listener(trouble.error, trouble.retrying);
      return () => troubleListeners.delete(listener);
    },
    async close() {
      stop.abort();
      clearTimeout(timer);
      listeners.clear();
      troubleListeners.clear();
    },
  };
}
