/**
 * Whether a live reader can reach its store (a PostgreSQL server stopped, a network cut), and when it
 * tries again: the one owner of that state for every face (the API's /healthz, the TUI's status line, a
 * replica's log). The core keeps no clock: the caller hands in its timers and its random source.
 */

/** The timers and randomness a caller passes (Node's setTimeout and Math.random; a fake clock in tests). */
export interface ReachClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1): spreads the retries of many readers of one server so they do not come at once. */
  random(): number;
}

/** How retries are spaced: `firstMs`, doubling after each failure up to `maxMs`, each ± `jitter` of itself. */
export interface ReachBackoff {
  firstMs: number;
  maxMs: number;
  /** A fraction (0.2: ±20%). */
  jitter: number;
}

/** 1 s, 2 s, 4 s, 8 s, then every 10 s, each ±20%: quick to notice a restart, light on a server that is down. */
export const STORE_RETRY: ReachBackoff = { firstMs: 1000, maxMs: 10_000, jitter: 0.2 };

/** The wait before the retry that follows `failures` failed reads in a row (1 or more). */
export function retryDelay(
  failures: number,
  random: () => number,
  backoff: ReachBackoff = STORE_RETRY,
): number {
  const doublings = Math.max(0, Math.min(failures - 1, 30));
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** doublings);
  return Math.round(base * (1 + backoff.jitter * (2 * random() - 1)));
}

/**
 * Told on each change of reachability only (not at every failed retry): the reason when unreachable, and
 * whether reads are retried (false: lost for good, e.g. its file replaced; a restart is needed).
 */
export type ReachListener = (reachable: boolean, problem: string | undefined, retrying: boolean) => void;

export interface StoreReach {
  reachable(): boolean;
  /** Why the last read failed, while the store is unreachable; undefined while it is reachable. */
  problem(): string | undefined;
  /** A read of the store worked: reachable (told if it was not), and the backoff starts over. */
  succeeded(): void;
  /**
   * A read failed (`problem` says why, for people: no password in it): unreachable (told if it was not),
   * and `retry` is run after the next wait of the backoff, which this returns. A retry already waiting is
   * replaced.
   */
  failed(problem: string, retry: () => void): number;
  /**
   * The store is lost for good (its file replaced by another): unreachable, told once, and no retry;
   * `succeeded` and `failed` are ignored from then on.
   */
  lost(problem: string): void;
  /** False once the store is lost: what is served stays as loaded until a restart. */
  retrying(): boolean;
  /** Runs the waiting retry now (the store said it is back, e.g. a LISTEN connection made again). */
  retryNow(): boolean;
  onReach(listener: ReachListener): () => void;
  /** Cancels the waiting retry; nothing more is told. */
  stop(): void;
}

/**
 * A store's reachability: reachable until a read fails. `onListenerError` hears a listener that threw
 * (the others are told all the same).
 */
export function storeReach(
  clock: ReachClock,
  options: { backoff?: ReachBackoff; onListenerError?: (error: unknown) => void } = {},
): StoreReach {
  const backoff = options.backoff ?? STORE_RETRY;
  const listeners = new Set<ReachListener>();
  let problem: string | undefined;
  let failures = 0;
  let waiting: { handle: unknown; retry: () => void } | undefined;
  let stopped = false;
  let gone = false;

  const tell = () => {
    for (const listener of [...listeners])
      try {
        listener(problem === undefined, problem, !gone);
      } catch (error) {
        options.onListenerError?.(error);
      }
  };
  const cancel = () => {
    if (waiting) clock.clearTimeout(waiting.handle);
    waiting = undefined;
  };

  return {
    reachable: () => problem === undefined,
    problem: () => problem,
    succeeded() {
      if (stopped || gone) return;
      failures = 0;
      cancel();
      if (problem === undefined) return;
      problem = undefined;
      tell();
    },
    failed(why, retry) {
      if (stopped || gone) return 0;
      failures += 1;
      cancel();
      const wait = retryDelay(failures, clock.random, backoff);
      const handle = clock.setTimeout(() => {
        if (waiting?.handle !== handle) return;
        waiting = undefined;
        retry();
      }, wait);
      waiting = { handle, retry };
      const wasReachable = problem === undefined;
      problem = why;
      if (wasReachable) tell();
      return wait;
    },
    lost(why) {
      if (stopped || gone) return;
      gone = true;
      cancel();
      problem = why;
      tell();
    },
    retrying: () => !gone,
    retryNow() {
      const now = waiting;
      if (!now || stopped) return false;
      cancel();
      now.retry();
      return true;
    },
    onReach(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      cancel();
      listeners.clear();
    },
  };
}
