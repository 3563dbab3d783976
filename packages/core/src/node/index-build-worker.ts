// A worker of the parallel index build (parallel-index.ts). Its job is one of:
// - part: analyse a range of documents (sent in chunks) into an IndexPart, posted to the index's worker;
// - index: analyse the first range (every document is sent to it, for the texts of the others), append
//   the parts as they arrive, finish the index and post it back: the thread holding the articles (and a
//   heap each full garbage collection must mark) allocates none of the index;
// - lists: build the finishing stage's postings and positions (ListsInput) for the index's worker.
import type { MessagePort } from 'node:worker_threads';
import {
  analyseDocuments,
  buildLists,
  createBuilders,
  finishIndex,
  type ListsInput,
} from '../search/index/build-index';
import { analysePart, appendPart, type IndexPart, partBuffers } from '../search/index/index-part';
import type { DocumentFields, IndexedArticle } from '../search/index/indexed-article';
import type { SearchIndex } from '../search/index/search-index';
import {
  answerOf,
  buffersOf,
  DONE,
  FAILED,
  raise,
  receiveChunk,
  type WorkerLink,
} from './index-worker-threads';
import type { ListsMessage } from './index-message';
import { startListsInWorker } from './parallel-index';

/** A range of documents analysed by another worker, its part posted on `port`, its flag raised. */
export interface PartSource {
  from: number;
  to: number;
  port: MessagePort;
  flag: Int32Array;
}

export interface IndexJob {
  /** Documents (all sent in chunks), of which [0, first) are analysed here. */
  documents: number;
  first: number;
  parts: PartSource[];
  /** How long to wait for a chunk, and at least for a part or the lists (else 10 times this worker's work so far). */
  waitMs: number;
  /** This module, for the lists' worker. */
  worker: string;
}

export interface IndexWorkerData extends WorkerLink {
  part?: { documents: number; waitMs: number; to: MessagePort };
  index?: IndexJob;
  lists?: ListsInput;
}

/** The index worker's answer: the index's fields, and which of its helpers answered. */
export interface IndexAnswer {
  index: SearchIndex;
  partsAnswered: number;
  listsByWorker: boolean;
}

export function run(data: IndexWorkerData): void {
  let state = FAILED;
  try {
    if (data.lists) postLists(data.port, data.lists);
    else if (data.part) postPart(data, data.part);
    else if (data.index) postIndex(data, data.index);
    state = DONE;
  } finally {
    raise(data.flag, state);
  }
}

/** Every document sent to this worker, `each` told of the documents [from, to) each chunk adds. */
function receiveAll<T>(
  link: WorkerLink,
  count: number,
  waitMs: number,
  each?: (docs: T[], from: number) => void,
): T[] {
  const docs: T[] = [];
  for (let seen = 0; docs.length < count; seen++) {
    const from = docs.length;
    for (const d of receiveChunk<T>(link, seen, waitMs)) docs.push(d);
    each?.(docs, from);
  }
  return docs;
}

function postPart(link: WorkerLink, job: NonNullable<IndexWorkerData['part']>): void {
  const part = analysePart(receiveAll<IndexedArticle>(link, job.documents, job.waitMs));
  job.to.postMessage({ part }, partBuffers(part));
}

function postIndex(link: WorkerLink, job: IndexJob): void {
  const started = performance.now();
  const waitMs = () => Math.max(job.waitMs, 10 * (performance.now() - started));
  const b = createBuilders(job.documents);
  const docs = receiveAll<DocumentFields>(link, job.documents, job.waitMs, (got, from) => {
    if (from < job.first) analyseDocuments(b, got, from, Math.min(got.length, job.first));
  });
  let partsAnswered = 0;
  for (const p of job.parts) {
    const part = answerOf<IndexPart>(p, 'part', waitMs());
    if (part) partsAnswered++;
    // Its entries and words are appended by the lists' worker (see ListsInput).
    appendPart(b, part ?? analysePart(docs.slice(p.from, p.to)), p.from, docs, true);
  }
  let listsByWorker = false;
  const index = finishIndex(docs, b, (input) =>
    startListsInWorker(new URL(job.worker), input, waitMs(), (byWorker) => {
      listsByWorker = byWorker;
    }),
  );
  const answer: IndexAnswer = { index, partsAnswered, listsByWorker };
  link.port.postMessage({ answer }, buffersOf(index));
}

function postLists(port: MessagePort, input: ListsInput): void {
  const { postings: p, positions: q } = buildLists(input);
  const lists: ListsMessage = {
    postings: { termOff: p.termOff, byteOff: p.byteOff, bytes: p.bytes, docCount: p.docCount },
    positions: { byteOff: q.byteOff, bytes: q.bytes, textCount: q.textCount },
  };
  port.postMessage({ lists }, buffersOf(lists));
}
