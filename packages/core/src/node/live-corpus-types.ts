import type { Corpus } from '../corpus/components/corpus-types';
import type { LiveVersion } from '../query-schema/live-schema';

export type { LiveVersion };

/**
 * A store's corpus kept current as any writer commits (ingest, watch, another process): new articles
 * land in a small new segment within a second, updates tombstone the older version, and segments are
 * merged in the background (a worker thread), off the request path. The store stays the truth: the
 * segments are a cache that can always be rebuilt.
 */
export interface LiveCorpus {
  /** The corpus as of the latest change applied; never blocks; a later call may return a newer one. */
  corpus(): Corpus;
  version(): LiveVersion;
  /**
   * Why the store cannot be read now (its last read failed: a database server gone, a network cut), or
   * undefined while it can. Meanwhile the corpus answers as of the last change applied, and the reads are
   * retried (1 s, doubling to every 10 s, ±20%; at once when a PostgreSQL store's LISTEN connection is made
   * again), so it catches up once the store is back, without a restart.
   */
  storeProblem(): string | undefined;
  /**
   * False once the store is lost for good: a SQLite file replaced by another under the reader (a backup
   * restored, the store made again). The corpus then stays as loaded, and a restart reads the new file.
   */
  storeRetrying(): boolean;
  /**
   * Called when the store becomes unreachable (with why: the store's message, naming it without its
   * password; and whether reads are retried) and when it is reachable again (once the change log has been
   * read again, so the corpus holds what was committed meanwhile, up to a batch). Not called at every
   * failed retry. Returns the function that unsubscribes.
   */
  onReach(listener: (reachable: boolean, problem: string | undefined, retrying: boolean) => void): () => void;
  /**
   * Called after the corpus moved on, with the new version and the ids of the articles added or updated
   * since the previous one (in change-log order). Returns the function that unsubscribes.
   */
  subscribe(listener: (version: LiveVersion, changed: readonly string[]) => void): () => void;
  /** Stops following the store and ends any merge in progress (nothing stored is touched). */
  close(): Promise<void>;
}
