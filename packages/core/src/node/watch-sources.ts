import { createPoller, type PollOptions, type PollSummary } from './poll-sources';
import type { AsyncArticleStore } from '../store/async-store-types';
import { type OpenStoreOptions, openStore } from './open-any-store';

export interface WatchOptions extends PollOptions {
  /** Stops the watch (SIGINT, SIGTERM): no new poll starts; polls under way finish. */
  signal: AbortSignal;
  /** Called after each round that polled something. */
  onRound?: (summary: PollSummary) => void;
  /** The longest sleep between rounds, in ms (default 30 s): sources followed meanwhile are seen by then. */
  maxSleepMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** Polls the store's sources as they fall due, until stopped; the schedule lives in the store. */
export async function watchSources(store: AsyncArticleStore, options: WatchOptions): Promise<void> {
  const poller = createPoller(options);
  const clock = options.clock ?? (() => new Date().toISOString());
  const maxSleep = options.maxSleepMs ?? 30_000;
  while (!options.signal.aborted) {
    const summary = await poller.poll(store);
    if (summary.polled) options.onRound?.(summary);
    // A source another worker holds is due again by its schedule; polling it then finds it leased or done.
    const next = Math.min(...(await store.sources.list()).map((s) => Date.parse(s.state.nextPollAt)));
    const wait = Number.isFinite(next) ? next - Date.parse(clock()) : maxSleep;
    await sleep(Math.min(maxSleep, Math.max(250, wait)), options.signal);
  }
}

/** A poller running beside a server, until closed. */
export interface Watching {
  /** Sources followed when it started. */
  sources: number;
  close(): Promise<void>;
}

/**
 * Runs the poller over the store `db` names (a file or a database URL) in the background (`npm start`
 * beside the API), or returns undefined when the store follows nothing. A store that cannot be written
 * ends the watch and is told to `onError`; the server goes on.
 */
export async function startWatching(
  db: string,
  options: Omit<WatchOptions, 'signal'> & { onError?: (error: unknown) => void; store?: OpenStoreOptions },
): Promise<Watching | undefined> {
  const store = await openStore(db, { create: true, ...options.store });
  const sources = (await store.sources.list()).length;
  if (sources === 0) {
    await store.close();
    return undefined;
  }
  const stop = new AbortController();
  const running = watchSources(store, { ...options, signal: stop.signal }).catch((error) =>
    options.onError?.(error),
  );
  return {
    sources,
    async close() {
      stop.abort();
      await running;
      await store.close();
    },
  };
}
