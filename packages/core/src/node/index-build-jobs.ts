// What the threads of the parallel index build (parallel-index.ts) send each other: the jobs a worker
// (index-build-worker.ts) is started with, and their answers.
import type { MessagePort } from 'node:worker_threads';
import type { SearchIndex } from '../search/index/search-index';
import type { StageSpan } from './build-timeline';
import type { WorkerLink } from './index-worker-threads';

/** A range of documents analysed by another worker, its part posted on `port`, its flag raised. */
export interface PartSource {
  from: number;
  to: number;
  port: MessagePort;
  flag: Int32Array;
}

/** The index worker's job: the whole index, its helpers' parts appended. */
export interface IndexJob {
  /** Documents (all sent in chunks), of which [0, first) are analysed here. */
  documents: number;
  first: number;
  parts: PartSource[];
  /** How long to wait for a chunk, and at least for a part or the lists (else 10 times this worker's work so far). */
  waitMs: number;
  /** The worker module, for the lists' worker. */
  worker: string;
  /** [0] counts the documents analysed by every worker (see startIndexBuild). */
  analysed: Int32Array;
}

/** A helper's job: its documents (sent in chunks) analysed into a part, posted `to` the index worker. */
export interface PartJob {
  documents: number;
  waitMs: number;
  to: MessagePort;
  /** [0] counts the documents analysed by every worker (see startIndexBuild). */
  analysed: Int32Array;
}

export interface IndexWorkerData extends WorkerLink {
  /** Profile garbage collection per stage in the timeline (see ThreadTimeline). */
  traceGc?: boolean;
  part?: PartJob;
  index?: IndexJob;
  /** Which half of the lists to build (see ListsHalf), from the ListsInput posted to the worker later. */
  half?: ListsHalf;
}

/** The lists are built in two halves, each by a worker of its own: the postings, and the positions. */
export type ListsHalf = 'postings' | 'positions';

/** The index worker's answer: the index's fields, and which of its helpers answered. */
export interface IndexAnswer {
  index: SearchIndex;
  partsAnswered: number;
  listsByWorker: boolean;
  /** The stages of the index worker, its helpers and its lists' workers (see ThreadTimeline), for benches. */
  spans: StageSpan[];
}
