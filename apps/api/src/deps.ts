import type { AsyncAlertRegistry, ChangePage, Corpus } from '@gazette/core';
import type { LiveCorpus } from '@gazette/core/node';
import type { ReadCache } from './http/read-cache';
import type { StreamSlots } from './live/stream-slots';

/**
 * What the app serves: a fixed corpus (the built-in one, a snapshot; the edge build), or a store's corpus
 * kept live as writers commit (`live`), read afresh by every request.
 */
export type CorpusSource = { corpus: Corpus; live?: undefined } | { live: LiveCorpus; corpus?: undefined };

/** What the routes need: the corpus to query. The Node entry and the worker choose it. */
export type AppDeps = CorpusSource & {
  /**
   * The store's change log (`store.changes`), for `GET /v1/changes` and `GET /v1/stream`; only with `live`
   * (a fixed corpus has no changes to follow).
   */
  changes?: (since: number, limit: number) => Promise<ChangePage>;
  /** The store's alerts, read only, for `GET /v1/alerts/{id}/feed.atom`. */
  alerts?: Pick<AsyncAlertRegistry, 'get'>;
  /**
   * The public base URL of the API (GAZETTE_PUBLIC_URL), for the absolute links of feeds; without it they
   * are relative. Never taken from a request: answers are cached and shared.
   */
  publicUrl?: string;
  /** The clock for feeds (ISO 8601), which date an entry that has no date at all; default the system's. */
  now?: () => string;
};

/**
 * What the routes get: the corpus as of now (a live one moves on between requests, so a route asks for it
 * once per request and answers from that one), the app's cache of serialised reads (emptied whenever the
 * corpus moves on), its turns (see Turns) for a route that must read its body before its query can take
 * one, and the slots of the event streams.
 */
export interface RouteDeps {
  current(): Corpus;
  live?: LiveCorpus | undefined;
  changes?: AppDeps['changes'];
  alerts?: AppDeps['alerts'];
  publicUrl?: string;
  now?: () => string;
  reads: ReadCache;
  takeTurn: (signal?: AbortSignal) => Promise<void>;
  streams: StreamSlots;
}
