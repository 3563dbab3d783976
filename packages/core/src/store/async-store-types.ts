import type { Alert, PendingDelivery } from '../follow/alert-schema';
import type { FollowedSource, PollState } from '../follow/followed-source-schema';
import type { Article } from '../model/article-schema';
import type {
  ArticleDiff,
  ArticleVersion,
  ChangePage,
  DeliveryOutcome,
  DuplicateLink,
  LeaseRequest,
  PutOptions,
  PutResult,
} from './store-types';

export type { LeaseRequest } from './store-types';

/**
 * The store as every face reaches it when the store may be a network service (PostgreSQL): the
 * operations of `ArticleStore` returning promises. The memory and SQLite stores answer it through
 * `asAsyncStore`; the PostgreSQL store answers it natively. It has no `corpus()`: a reader builds its
 * index from the change log (`openLiveCorpus`), never by reading a whole remote store per query.
 */
export interface AsyncArticleStore {
  readonly backend: 'memory' | 'sqlite' | 'postgres';
  /** Where the store is, for messages (a file path, or a PostgreSQL URL without its password). */
  readonly location: string;
  put(article: Article, options?: PutOptions): Promise<PutResult>;
  /** All or nothing, in one transaction: concurrent writers are kept apart by the database. */
  putMany(articles: readonly Article[], options?: PutOptions): Promise<PutResult[]>;
  get(idOrSlug: string): Promise<Article | undefined>;
  /** The current versions of `ids`, in the order given; an id not stored is left out. */
  getMany(ids: readonly string[]): Promise<Article[]>;
  count(): Promise<number>;
  /** Every stored article (current versions) in the order first stored, a page at a time. */
  iterate(): AsyncIterable<Article>;
  versions(id: string): Promise<ArticleVersion[]>;
  diff(id: string, from?: number, to?: number): Promise<ArticleDiff | undefined>;
  duplicates(ofId?: string): Promise<DuplicateLink[]>;
  /** The change log after `since` (see `ArticleStore.changes`). */
  changes(since: number, limit?: number): Promise<ChangePage>;
  readonly sources: AsyncSourceRegistry;
  readonly alerts: AsyncAlertRegistry;
  /** Moves whenever an article is added or updated (see `ArticleStore.revision`). */
  revision(): Promise<string>;
  identity(): Promise<string | undefined>;
  /**
   * Calls `onChange` soon after any writer commits a change (PostgreSQL's LISTEN/NOTIFY), so a reader
   * need not wait for its next poll; returns the function that stops. A store without it is polled.
   */
  wake?(onChange: () => void): () => void;
  close(): Promise<void>;
}

/** `SourceRegistry` with promises, and leases so several workers share the polling. */
export interface AsyncSourceRegistry {
  follow(source: FollowedSource): Promise<{ source: FollowedSource; added: boolean }>;
  list(): Promise<FollowedSource[]>;
  get(idOrUrl: string): Promise<FollowedSource | undefined>;
  unfollow(idOrUrl: string): Promise<FollowedSource | undefined>;
  saveState(id: string, state: PollState): Promise<void>;
  /**
   * Leases due sources to `request.worker`: each source is held by at most one worker at a time (a source
   * whose lease has not run out is skipped), so several `gazette watch` processes poll each source once.
   */
  lease(request: LeaseRequest): Promise<FollowedSource[]>;
  /**
   * Saves a leased poll's outcome and ends the lease, if `worker` still holds it; false (nothing saved)
   * when the lease ran out and another worker took the source meanwhile.
   */
  release(id: string, worker: string, state: PollState): Promise<boolean>;
}

/** `AlertRegistry` with promises (see `store-types.ts` for what each operation guarantees). */
export interface AsyncAlertRegistry {
  add(alert: Alert): Promise<void>;
  list(): Promise<Alert[]>;
  get(id: string): Promise<Alert | undefined>;
  remove(id: string): Promise<Alert | undefined>;
  enqueue(delivery: PendingDelivery): Promise<void>;
  matchedThrough(): Promise<number | undefined>;
  queueMatched(
    deliveries: readonly PendingDelivery[],
    from: number | undefined,
    through: number,
  ): Promise<boolean>;
  pending(): Promise<PendingDelivery[]>;
  due(now: string, limit: number): Promise<PendingDelivery[]>;
  settle(id: string, outcome: DeliveryOutcome): Promise<void>;
}
