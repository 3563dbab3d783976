import type { Corpus } from '@gazette/core';
import type { ReadCache } from './http/read-cache';

/** What the routes need: the corpus to query. The Node entry and the worker choose it. */
export interface AppDeps {
  corpus: Corpus;
  /**
   * The public base URL of the API (GAZETTE_PUBLIC_URL), for the absolute links of feeds; without it they
   * are relative. Never taken from a request: answers are cached and shared.
   */
  publicUrl?: string;
  /** The clock for feeds (ISO 8601), which date an entry that has no date at all; default the system's. */
  now?: () => string;
}

/**
 * What the routes get besides: the app's cache of serialised reads (one app, one corpus, one cache), and
 * its turns (see Turns) for a route that must read its body before its query can take one.
 */
export interface RouteDeps extends AppDeps {
  reads: ReadCache;
  takeTurn: (signal?: AbortSignal) => Promise<void>;
}
