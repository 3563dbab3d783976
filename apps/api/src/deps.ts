import type { Corpus } from '@gazette/core';

/** What the routes need: the corpus to query. The Node entry and the worker choose it. */
export interface AppDeps {
  corpus: Corpus;
}
