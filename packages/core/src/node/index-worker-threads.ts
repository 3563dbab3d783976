// The threads of the parallel index build (parallel-index.ts, index-build-worker.ts): starting a worker on
// the build's module, sending it documents in chunks, and waiting for its answer without an event loop
// (the waiting thread may be busy or blocked, the answer is read off the port once the flag is raised).
import { getHeapStatistics } from 'node:v8';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  type Transferable,
  Worker,
} from 'node:worker_threads';

export const DONE = 1;
export const FAILED = 2;
/** Raised by a worker that started and waits for its input (a lists worker: see startListsWorkers). */
export const READY = 3;
/**
 * Documents per message sent to a worker: each chunk's copies die young on the sending thread, and the
 * chunk a worker reads dies young on its thread: analysed before a young-generation collection comes,
 * not promoted and traced as old objects. Chunks of 1,000 news articles (about 20 MB of objects) outlived
 * it: news 100k built in 32.3/29.4 s with chunks of 100 against 34.9/32.8 s, the analysis workers' pauses
 * 0.5 s against 1.1 s each, V8's background collection 4.6 s against 6.4 s (build-stages.ts, in turns).
 */
export const CHUNK = 100;

/** A started worker: the port it answers on (and is sent chunks on), its flag, and a count of chunks sent. */
export interface Spawned {
  worker: Worker;
  port: MessagePort;
  /** [0] becomes DONE once the answer is posted, FAILED if it could not be built. */
  flag: Int32Array;
  /** [0]: chunks posted to the worker so far. */
  sent: Int32Array;
}

/** What every worker is started with (and the data of its job). */
export interface WorkerLink {
  port: MessagePort;
  flag: Int32Array;
  sent: Int32Array;
}

/** Starts a worker on the module with data made for its link; `transfer` lists ports the data holds. */
export function spawn<D extends WorkerLink>(
  file: URL,
  data: (link: WorkerLink) => D,
  transfer: Transferable[] = [],
): Spawned {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const sent = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      url: file.href,
      ts: file.pathname.endsWith('.ts'),
      data: data({ port: port2, flag, sent }),
    },
    transferList: [port2, ...transfer],
    // A worker's heap may grow as this thread's may (the process's --max-old-space-size, or V8's default).
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  // Failures are seen through the flag (or its timeout); an unheard 'error' event would end the process.
  worker.on('error', () => {});
  worker.unref();
  return { worker, port: port1, flag, sent };
}

/** Posts items[from, to), each as `copy` makes it, in chunks the worker reads with receiveChunk. */
export function sendChunks<T, U>(
  w: Spawned,
  items: readonly T[],
  from: number,
  to: number,
  copy: (item: T) => U,
): void {
  for (let i = from; i < to; i += CHUNK) postChunk(w, items.slice(i, Math.min(to, i + CHUNK)).map(copy));
}

/** Posts one item as a chunk of its own (receiveChunk reads it), its `transfer` buffers moved, not copied. */
export function sendOne(w: Spawned, item: unknown, transfer: readonly ArrayBufferLike[]): void {
  postChunk(w, [item], movable(transfer));
}

function postChunk(w: Spawned, chunk: unknown[], transfer: ArrayBuffer[] = []): void {
  w.port.postMessage(chunk, transfer);
  Atomics.add(w.sent, 0, 1);
  Atomics.notify(w.sent, 0);
}

/** The chunk numbered `seen` (from 0) sent to this worker; throws when none came within waitMs. */
export function receiveChunk<U>(link: WorkerLink, seen: number, waitMs: number): U[] {
  if (Atomics.load(link.sent, 0) <= seen) Atomics.wait(link.sent, 0, seen, waitMs);
  const chunk = receiveMessageOnPort(link.port);
  if (!chunk) throw new Error('the documents to index did not arrive');
  return chunk.message as U[];
}

/** What a thread posted under `key` once it raised its flag as done (undefined if it failed or timed out). */
export function answerOf<T>(
  w: { port: MessagePort; flag: Int32Array },
  key: string,
  waitMs: number,
): T | undefined {
  const answer =
    settled(w.flag, waitMs) === DONE
      ? (receiveMessageOnPort(w.port)?.message as Record<string, T> | undefined)?.[key]
      : undefined;
  w.port.close();
  return answer;
}

/** The flag once DONE or FAILED (or as it is after waitMs): a READY worker is still working. */
const settled = (flag: Int32Array, waitMs: number): number =>
  waitWhile(flag, (state) => state !== DONE && state !== FAILED, waitMs);

/**
 * Waits while `busy` holds for cell[0] (at most waitMs; woken by a notify on the cell, or every pollMs
 * for a `busy` that also reads other cells) and gives cell[0] as it then is.
 */
export function waitWhile(
  cell: Int32Array,
  busy: (value: number) => boolean,
  waitMs: number,
  pollMs = Number.POSITIVE_INFINITY,
): number {
  const until = performance.now() + waitMs;
  let value = Atomics.load(cell, 0);
  while (busy(value) && performance.now() < until) {
    Atomics.wait(cell, 0, value, Math.min(pollMs, until - performance.now()));
    value = Atomics.load(cell, 0);
  }
  return value;
}

/** Raises the flag a waiting thread reads with answerOf. */
export function raise(flag: Int32Array, state: number): void {
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
}

/** The ArrayBuffers under the typed arrays of a value (nested objects and arrays), to transfer. */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBufferLike>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) out.add(v.buffer);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(value);
  return movable(out);
}

/**
 * The buffers a message can move, each once: a SharedArrayBuffer (a builder's arrays grown in place,
 * see GrowableArray) is not moved but shared, and a transfer list naming one is refused.
 */
export function movable(buffers: Iterable<ArrayBufferLike>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const b of buffers) if (b instanceof ArrayBuffer) out.add(b);
  return [...out];
}

/**
 * Loads the worker module and runs it; a module that cannot load raises the flag as failed. TypeScript
 * source (tests, benches) is loaded through tsx, registered in the worker.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const load = async () => {
  if (workerData.ts) (await import('tsx/esm/api')).register();
  return import(workerData.url);
};
load().then(
  (m) => m.run(workerData.data),
  () => { Atomics.store(workerData.data.flag, 0, ${FAILED}); Atomics.notify(workerData.data.flag, 0); },
);
`;
