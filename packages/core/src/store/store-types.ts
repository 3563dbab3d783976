import type { Corpus } from '../corpus/components/corpus-types';
import type { Alert, PendingDelivery } from '../follow/alert-schema';
import type { FollowedSource, PollState } from '../follow/followed-source-schema';
import type { Article } from '../model/article-schema';

/** What happened to an article given to a store. */
export type PutStatus = 'added' | 'updated' | 'unchanged' | 'duplicate';

export interface PutResult {
  status: PutStatus;
  /** The article's id (for a duplicate: its own id, which is linked, not stored as an article). */
  id: string;
  /** The stored version after the put (1 for a new article). */
  version: number;
  /** For a duplicate: the stored article it repeats. */
  duplicateOf?: string;
  /** For a duplicate: estimated share of word 3-shingles the two texts have in common (1 = same text). */
  similarity?: number;
}

export interface ArticleVersion {
  version: number;
  savedAt?: string;
  contentHash: string;
  article: Article;
}

/** The same story seen at another URL: linked to the stored article, not stored twice. */
export interface DuplicateLink {
  id: string;
  duplicateOf: string;
  url?: string;
  title: string;
  similarity: number;
  savedAt?: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What changed between two versions of an article. */
export interface ArticleDiff {
  id: string;
  from: number;
  to: number;
  fields: FieldChange[];
  /** Body blocks (as text) only in the older version, and only in the newer one, in order. */
  removed: string[];
  added: string[];
}

export interface PutOptions {
  /** When the put happens (ISO 8601): the core has no clock, so callers say. */
  now?: string;
}

/** One entry of a store's change log: an article added or updated (its new version), in commit order. */
export interface ArticleChange {
  /** Position in the log: rises with every change, never reused. */
  seq: number;
  id: string;
  version: number;
  kind: 'added' | 'updated';
  savedAt?: string;
}

/** A page of the change log: the changes after `since`, and where the next page starts. */
export interface ChangePage {
  changes: ArticleChange[];
  /** The seq of the last change given (or `since`, when none): pass it as `since` next time. */
  last: number;
}

/** What a worker asks for when it leases sources: who it is, the time, how long, how many. */
export interface LeaseRequest {
  /** The worker's id, unique per process (host, pid and a random part). */
  worker: string;
  /** Now (ISO 8601): sources due at or before it are leased. */
  now: string;
  /** When the lease runs out (ISO 8601): another worker may then take the source. */
  until: string;
  /** At most this many sources. */
  limit: number;
}

/** The feeds a store follows, with what polling them has learnt (kept beside the articles). */
export interface SourceRegistry {
  /** Adds a source, or takes the new options (full, every, title) of the one with its URL, keeping its state. */
  follow(source: FollowedSource): { source: FollowedSource; added: boolean };
  /** Every followed source, in the order they were followed. */
  list(): FollowedSource[];
  /** A source by its id or URL. */
  get(idOrUrl: string): FollowedSource | undefined;
  /** Stops following a source (its articles stay); the source removed, or undefined if there was none. */
  unfollow(idOrUrl: string): FollowedSource | undefined;
  /** Saves a poll's outcome; a source unfollowed meanwhile stays unfollowed. */
  saveState(id: string, state: PollState): void;
  /**
   * Leases due sources to `request.worker`, in the order followed: each source is held by at most one
   * worker at a time (a source whose lease has not run out is skipped), so several `gazette watch`
   * processes over one store poll each source once. Atomic across processes for a durable backend.
   */
  lease(request: LeaseRequest): FollowedSource[];
  /**
   * Saves a leased poll's outcome and ends the lease, if `worker` still holds it; false (nothing saved)
   * when the lease ran out and another worker took the source meanwhile, or the source was unfollowed.
   */
  release(id: string, worker: string, state: PollState): boolean;
}

/** How a delivery attempt ended: sent (it is forgotten), or to be tried again (or given up). */
export type DeliveryOutcome =
  | { delivered: true }
  | { delivered: false; attempts: number; nextAt: string; lastError: string; gaveUp: boolean };

/** The store's alerts (saved searches) and the webhook deliveries waiting to be sent. */
export interface AlertRegistry {
  /** Adds an alert; the first (of none) starts matching at the change log's head, never on older articles. */
  add(alert: Alert): void;
  /** Every alert, in the order they were added. */
  list(): Alert[];
  get(id: string): Alert | undefined;
  /** Removes an alert and its waiting deliveries; the alert removed, or undefined if there was none. */
  remove(id: string): Alert | undefined;
  enqueue(delivery: PendingDelivery): void;
  /** The change seq through which stored articles were matched against the alerts (undefined: never yet). */
  matchedThrough(): number | undefined;
  /**
   * Queues `deliveries` and moves matchedThrough from `from` to `through`, together (one transaction, so a
   * writer killed midway queues all or none, and the next one matches again); false, queueing nothing,
   * when matchedThrough is no longer `from` (another writer matched those changes meanwhile).
   */
  queueMatched(deliveries: readonly PendingDelivery[], from: number | undefined, through: number): boolean;
  /** Deliveries not yet sent, given-up ones included, oldest first. */
  pending(): PendingDelivery[];
  /** Deliveries due at `now` (not given up), oldest first, at most `limit`. */
  due(now: string, limit: number): PendingDelivery[];
  settle(id: string, outcome: DeliveryOutcome): void;
}

/**
 * A durable (or in-memory) home for articles. Every put is atomic: when it returns, the article is
 * stored (committed, for a durable backend); putMany stores all or nothing.
 */
export interface ArticleStore {
  readonly backend: 'memory' | 'sqlite';
  put(article: Article, options?: PutOptions): PutResult;
  putMany(articles: readonly Article[], options?: PutOptions): PutResult[];
  get(idOrSlug: string): Article | undefined;
  count(): number;
  /** Every stored article (current versions), in the order they were first stored. */
  list(): Article[];
  /** The same, one at a time, without holding them all (for export and large stores). */
  iterate(): Iterable<Article>;
  versions(id: string): ArticleVersion[];
  /** The diff between two versions (default: the previous and the current one). */
  diff(id: string, from?: number, to?: number): ArticleDiff | undefined;
  duplicates(ofId?: string): DuplicateLink[];
  /**
   * What was added or updated after the change numbered `since` (0: from the start), oldest first, at most
   * `limit` (default 1,000, at most 10,000): how a reader (an index, a replica, /v1/changes) catches up with every writer.
   */
  changes(since: number, limit?: number): ChangePage;
  /** The feeds this store follows (`gazette follow`, polled by `gazette watch`). */
  readonly sources: SourceRegistry;
  /** Saved searches that tell about new matches (`gazette alert add`). */
  readonly alerts: AlertRegistry;
  /** The query surface over the stored articles (rebuilt after writes). */
  corpus(): Corpus;
  /**
   * Changes whenever what corpus() holds changes (an article added or updated), and only then: a key
   * for a corpus built from the store earlier (a snapshot kept beside it).
   */
  revision(): string;
  /**
   * An id made at random with the store and kept in it, so a snapshot kept beside a store is known to
   * be of this store (not of one deleted and made again at the same path, or copied from elsewhere).
   * Undefined for a SQLite store made by an older Gazette and not written to since.
   */
  identity(): string | undefined;
  close(): void;
}
