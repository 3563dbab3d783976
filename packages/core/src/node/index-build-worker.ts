// A worker of the parallel index build (parallel-index.ts): analyses its range of articles into an
// IndexPart, or builds the finishing stage's postings and positions (ListsInput), and posts the result
// back, then raises the shared flag the main thread waits on.
import type { MessagePort } from 'node:worker_threads';
import { buildLists, type ListsInput } from '../search/index/build-index';
import { analysePart, partBuffers } from '../search/index/index-part';
import type { IndexedArticle } from '../search/index/indexed-article';

export interface IndexWorkerData {
  /** Articles to analyse into a part, or the input of the lists to build. */
  articles?: IndexedArticle[];
  lists?: ListsInput;
  port: MessagePort;
  /** [0] becomes DONE once the result is posted, FAILED if it could not be built. */
  flag: Int32Array;
}

/** The lists as their arrays (the classes are rebuilt over them by the thread that receives them). */
export interface ListsMessage {
  postings: { termOff: Uint32Array; byteOff: Uint32Array; bytes: Uint8Array; docCount: number };
  positions: { byteOff: Uint32Array; bytes: Uint8Array; textCount: number };
}

export const DONE = 1;
export const FAILED = 2;

export function run({ articles, lists, port, flag }: IndexWorkerData): void {
  let state = FAILED;
  try {
    if (lists) postLists(port, lists);
    else {
      const part = analysePart(articles ?? []);
      port.postMessage({ part }, partBuffers(part));
    }
    state = DONE;
  } finally {
    Atomics.store(flag, 0, state);
    Atomics.notify(flag, 0);
  }
}

function postLists(port: MessagePort, input: ListsInput): void {
  const { postings: p, positions: q } = buildLists(input);
  const message: ListsMessage = {
    postings: { termOff: p.termOff, byteOff: p.byteOff, bytes: p.bytes, docCount: p.docCount },
    positions: { byteOff: q.byteOff, bytes: q.bytes, textCount: q.textCount },
  };
  const arrays = [p.termOff, p.byteOff, p.bytes, q.byteOff, q.bytes];
  port.postMessage({ lists: message }, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
}
