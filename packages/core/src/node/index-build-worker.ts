// A worker of the parallel index build (parallel-index.ts): analyses its range of articles into an
// IndexPart and posts it back, then raises the shared flag the main thread waits on.
import type { MessagePort } from 'node:worker_threads';
import { analysePart, partBuffers } from '../search/index/index-part';
import type { IndexedArticle } from '../search/index/indexed-article';

export interface IndexWorkerData {
  articles: IndexedArticle[];
  port: MessagePort;
  /** [0] becomes DONE once the part is posted, FAILED if it could not be built. */
  flag: Int32Array;
}

export const DONE = 1;
export const FAILED = 2;

export function run({ articles, port, flag }: IndexWorkerData): void {
  let state = FAILED;
  try {
    const part = analysePart(articles);
    port.postMessage({ part }, partBuffers(part));
    state = DONE;
  } finally {
    Atomics.store(flag, 0, state);
    Atomics.notify(flag, 0);
  }
}
