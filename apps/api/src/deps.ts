import type { Corpus } from '@gazette/core';
import type { ReadCache } from './http/read-cache';

/** What the routes need: the corpus to query. The Node entry and the worker choose it. */
export interface AppDeps {
  corpus: Corpus;
}

/** What the routes get besides: the app's cache of serialised reads (one app, one corpus, one cache). */
export interface RouteDeps extends AppDeps {
  reads: ReadCache;
}
