import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { run, type SegmentBuildReply, type SegmentBuildRequest } from './segment-build-worker';
import { workerFile } from './worker-file';

export type { SegmentBuildReply, SegmentBuildRequest };

/** Loads the worker module (through tsx for TypeScript source), runs it, posts the reply or the error. */
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
const load = async () => {
  if (workerData.ts) (await import('tsx/esm/api')).register();
  return import(workerData.url);
};
load()
  .then((m) => m.run(workerData.request))
  .then((reply) => parentPort.postMessage({ reply }, [reply.bytes.buffer]))
  .catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;

/** A segment build running in a worker thread: its reply, and how to stop it. */
export interface SegmentBuild {
  done: Promise<SegmentBuildReply>;
  /** Ends the worker; `done` then rejects. */
  stop(): void;
}

/**
 * Builds a segment in a worker thread (a merge, a large catch-up), so the thread answering queries only
 * loads the finished snapshot. Without the worker module (an unusual bundle) it is built here.
 */
export function buildSegmentInWorker(request: SegmentBuildRequest): SegmentBuild {
  const file = workerFile(import.meta.url, 'segment-build-worker');
  if (!file) return { done: Promise.resolve().then(() => run(request)), stop: () => {} };
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { url: file.href, ts: file.pathname.endsWith('.ts'), request },
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  // A merge is a cache's work: it never keeps a process alive that has nothing else to do.
  worker.unref();
  const done = new Promise<SegmentBuildReply>((resolve, reject) => {
    worker.once('message', (m: { reply?: SegmentBuildReply; error?: string }) => {
      // The bytes arrive transferred, not copied: copying them here held the serving thread when a merge
      // finished (115 ms at 10k in bench:live). Only a view off the 8-byte alignment the snapshot's typed
      // arrays need is copied.
      if (m.reply) resolve({ ...m.reply, bytes: aligned(m.reply.bytes) });
      else reject(new Error(m.error ?? 'the segment build failed'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the segment build stopped (exit ${code})`)));
  });
  return { done, stop: () => void worker.terminate() };
}

/** The bytes as they are when their offset suits the snapshot's typed array views, else a copy that does. */
const aligned = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
