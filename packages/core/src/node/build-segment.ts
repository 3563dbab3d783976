import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { run, type SegmentBuildReply, type SegmentBuildRequest } from './segment-build-worker';
import { workerFile } from './worker-file';

export type { SegmentBuildReply, SegmentBuildRequest };

/**
 * Loads the worker module once (through tsx for TypeScript source), then builds each request it is sent,
 * one at a time, and posts the reply (the bytes transferred) or the error.
 */
const BOOTSTRAP = `
const { workerData, parentPort, threadId } = require('node:worker_threads');
const load = async () => {
  if (workerData.ts) (await import('tsx/esm/api')).register();
  return import(workerData.url);
};
const loaded = load();
parentPort.on('message', (request) => {
  loaded
    .then((m) => m.run(request))
    .then((reply) => parentPort.postMessage({ reply: { ...reply, threadId } }, [reply.bytes.buffer]))
    .catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
});
`;

/** A segment build running in a worker thread: its reply, and how to stop it. */
export interface SegmentBuild {
  done: Promise<SegmentBuildReply>;
  /** Ends the worker; `done` then rejects. */
  stop(): void;
}

/** Worker threads that build segments, started when needed and reused while idle. */
export interface SegmentBuilders {
  build(request: SegmentBuildRequest): SegmentBuild;
  /** Ends the idle workers; running builds go on unless stopped. */
  close(): void;
}

/**
 * A worker that built at most this many articles is kept for the next build: starting one costs 0.2-2 s
 * (loading the core; through tsx from source), more than a merge of a few small segments, so a fresh
 * worker per merge let segments pile up while commits kept coming (48 after 100 commits at 10k in
 * bench:live). After a larger build it is ended, giving back the heap that build grew.
 */
const KEEP_AFTER_AT_MOST = 20_000;

const sizeOf = (r: SegmentBuildRequest) => r.articles?.length ?? r.ids?.length ?? 0;

/** A worker thread; once it ends (even on its own) it is no longer among the `idle` ones to reuse. */
function startWorker(file: URL, idle: Worker[]): Worker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { url: file.href, ts: file.pathname.endsWith('.ts') },
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  // A merge is a cache's work: it never keeps a process alive that has nothing else to do.
  worker.unref();
  worker.once('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

/** Sends `request` to `worker`; settles on its reply, its error or its end. */
function buildOn(worker: Worker, request: SegmentBuildRequest): Promise<SegmentBuildReply> {
  return new Promise<SegmentBuildReply>((resolve, reject) => {
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: { reply?: SegmentBuildReply; error?: string }) => {
      off();
      // The bytes arrive transferred, not copied: copying them here held the serving thread when a merge
      // finished (115 ms at 10k in bench:live). Only a view off the 8-byte alignment the snapshot's typed
      // arrays need is copied.
      if (m.reply) resolve({ ...m.reply, bytes: aligned(m.reply.bytes) });
      else reject(new Error(m.error ?? 'the segment build failed'));
    };
    const onError = (error: Error) => {
      off();
      reject(error);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`the segment build stopped (exit ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * Builders of segments in worker threads (merges, large catch-ups), so the thread answering queries only
 * loads finished snapshots; an idle worker is reused, at most `idleMost` kept. Without the worker module
 * (an unusual bundle) segments are built here.
 */
export function segmentBuilders(idleMost = 1): SegmentBuilders {
  const file = workerFile(import.meta.url, 'segment-build-worker');
  const idle: Worker[] = [];
  let closed = false;
  const release = (worker: Worker, request: SegmentBuildRequest) => {
    if (!closed && idle.length < idleMost && sizeOf(request) <= KEEP_AFTER_AT_MOST) idle.push(worker);
    else void worker.terminate();
  };
  return {
    build(request) {
      if (!file) return { done: Promise.resolve().then(() => run(request)), stop: () => {} };
      const worker = idle.pop() ?? startWorker(file, idle);
      let stopped = false;
      const done = buildOn(worker, request);
      done.then(
        () => (stopped ? undefined : release(worker, request)),
        () => void worker.terminate(),
      );
      return {
        done,
        stop: () => {
          stopped = true;
          void worker.terminate();
        },
      };
    },
    close() {
      closed = true;
      for (const worker of idle.splice(0)) void worker.terminate();
    },
  };
}

/** Builds one segment in a worker thread of its own, ended once it has replied. */
export function buildSegmentInWorker(request: SegmentBuildRequest): SegmentBuild {
  return segmentBuilders(0).build(request);
}

/** The bytes as they are when their offset suits the snapshot's typed array views, else a copy that does. */
const aligned = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
