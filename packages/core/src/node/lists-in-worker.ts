import type { IndexLists, ListsInput } from '../search/index/build-index';
import { buildPositions, buildPostings } from '../search/index/build-index';
import type { StageSpan } from './build-timeline';
import type { IndexWorkerData, ListsHalf } from './index-build-jobs';
import { type ListsMessage, positionsFromMessage, postingsFromMessage } from './index-message';
import { answerOf, FAILED, READY, sendOne, spawn, waitWhile } from './index-worker-threads';

/** Sends the lists' input to their workers; its own call gives the lists once both answered. */
export type SendLists = (
  input: ListsInput,
  waitMs: number,
  onBuilt?: (byWorker: boolean, spans: StageSpan[]) => void,
) => () => IndexLists;

/**
 * Starts two workers for the finishing stage's postings and positions, one half each, while the index is
 * still being analysed (their start is then not waited for); the function returned sends them the input,
 * and its own returns the lists once both answered. The halves are built while the calling thread writes
 * the string columns: the lists were the longest of the three, and with a core each the halves end about
 * when the columns do. Each worker is sent only the input its half reads. A worker that started (READY)
 * is sent its large arrays transferred: copying them cost the sender 0.5 s and each receiver about as
 * much at news 100k, all on the build's critical path; if it then fails, the input is gone and this throws
 * (the index is then built where the articles are). A worker not started yet is sent a copy, and one that
 * failed nothing: if either does not answer, its half is built on the calling thread. `onBuilt` is told
 * whether both halves were built by workers, and their stages (see ThreadTimeline; `traceGc` as there).
 * `ready` waits (at most waitMs) until both workers started or failed, e.g. to send a test's input moved.
 */
export function startListsWorkers(
  file: URL,
  traceGc = false,
): SendLists & { ready: (waitMs: number) => void } {
  const postings = spawnHalf(file, 'postings', traceGc);
  const positions = spawnHalf(file, 'positions', traceGc);
  const send: SendLists = (input, waitMs, onBuilt) => {
    const p = postings.send(postingsInput(input), postingsBuffers(input));
    const q = positions.send(positionsInput(input), positionsBuffers(input));
    return () => {
      const pa = p.answer(waitMs);
      const qa = q.answer(waitMs);
      const posted = pa?.postings;
      const placed = qa?.positions;
      onBuilt?.(posted !== undefined && placed !== undefined, [...(pa?.spans ?? []), ...(qa?.spans ?? [])]);
      return {
        postings: posted ? postingsFromMessage(posted) : p.moved ? lost('postings') : buildPostings(input),
        ...(placed
          ? positionsFromMessage(qa?.pairs ? { positions: placed, pairs: qa.pairs } : { positions: placed })
          : q.moved
            ? lost('positions')
            : buildPositions(input)),
      };
    };
  };
  const ready = (waitMs: number) => {
    const until = performance.now() + waitMs;
    for (const w of [postings.w, positions.w])
      waitWhile(w.flag, (state) => state === 0, until - performance.now());
  };
  return Object.assign(send, { ready });
}

/** A worker on one half of the lists: send it the input (moved if it started), then wait for its answer. */
function spawnHalf(file: URL, half: ListsHalf, traceGc: boolean) {
  const w = spawn(file, (link): IndexWorkerData => ({ ...link, half, traceGc }));
  const send = (input: ListsInput, transfer: ArrayBufferLike[]) => {
    const state = Atomics.load(w.flag, 0);
    const moved = state === READY;
    if (state !== FAILED) sendOne(w, input, moved ? transfer : []);
    const answer = (waitMs: number): ListsAnswer | undefined => {
      const a = state !== FAILED ? answerOf<ListsAnswer>(w, 'lists', waitMs) : undefined;
      void w.worker.terminate();
      return a;
    };
    return { moved, answer };
  };
  return { w, send };
}

function lost(half: ListsHalf): never {
  throw new Error(
    `the ${half} worker failed after its input was moved to it: the index is to be built on the thread holding the articles`,
  );
}

/** The buffers only the postings read (the entries), moved to their worker (shared ones are shared). */
const postingsBuffers = (input: ListsInput): ArrayBufferLike[] =>
  [input.entries, ...input.parts.map((p) => p.entries)].flatMap((e) =>
    [e.entryTerm, ...e.entryCounts, e.docEnd, e.fieldLength].map((a) => a.buffer),
  );

/** The buffers only the positions read (the texts' words), moved to their worker (shared ones are shared). */
const positionsBuffers = (input: ListsInput): ArrayBufferLike[] =>
  [input, ...input.parts].flatMap((w) => [w.words.buffer, w.wordOff.buffer]);

/** A lists worker's answer: its half, and its stages. */
type ListsAnswer = Partial<ListsMessage> & { spans?: StageSpan[] };

const NO_WORDS = new Int32Array(0);
const NO_OFFSETS = new Uint32Array(0);

/** What the postings read: the entries (the words left out). */
function postingsInput(input: ListsInput): ListsInput {
  return {
    ...input,
    words: NO_WORDS,
    wordOff: NO_OFFSETS,
    textIds: NO_OFFSETS,
    textOff: NO_OFFSETS,
    parts: input.parts.map((p) => ({ ...p, words: NO_WORDS, wordOff: NO_OFFSETS, fresh: NO_OFFSETS })),
  };
}

/** What the positions read: the texts' words (the entries left out). */
function positionsInput(input: ListsInput): ListsInput {
  const none = {
    entryTerm: NO_OFFSETS,
    entryCounts: [],
    docEnd: NO_OFFSETS,
    fieldLength: new Float64Array(0),
  };
  return { ...input, entries: none, parts: input.parts.map((p) => ({ ...p, entries: none })) };
}
