import type { IndexLists, ListsInput } from '../search/index/build-index';
import { buildPositions, buildPostings } from '../search/index/build-index';
import type { IndexWorkerData, ListsHalf } from './index-build-jobs';
import { type ListsMessage, positionsFromMessage, postingsFromMessage } from './index-message';
import { answerOf, spawn } from './index-worker-threads';

/**
 * The finishing stage's postings and positions built by two workers, one each, while the calling thread
 * writes the string columns: the lists were the longest of the three, and with a core each the halves
 * end about when the columns do. Each worker is sent only the input its half reads; the input is copied,
 * not transferred: if a worker fails or does not answer, its half is built on the calling thread.
 * `onBuilt` is told whether both halves were built by workers.
 */
export function startListsInWorker(
  file: URL,
  input: ListsInput,
  waitMs: number,
  onBuilt?: (byWorker: boolean) => void,
): () => IndexLists {
  const postings = spawnHalf(file, 'postings', postingsInput(input));
  const positions = spawnHalf(file, 'positions', positionsInput(input));
  return () => {
    const p = postings(waitMs)?.postings;
    const q = positions(waitMs)?.positions;
    onBuilt?.(p !== undefined && q !== undefined);
    return {
      postings: p ? postingsFromMessage(p) : buildPostings(input),
      positions: q ? positionsFromMessage(q) : buildPositions(input),
    };
  };
}

/** Starts a worker on one half of the lists; the function it returns waits for its answer. */
function spawnHalf(file: URL, half: ListsHalf, input: ListsInput) {
  const w = spawn(file, (link): IndexWorkerData => ({ ...link, lists: input, half }));
  return (waitMs: number): Partial<ListsMessage> | undefined => {
    const answer = answerOf<Partial<ListsMessage>>(w, 'lists', waitMs);
    void w.worker.terminate();
    return answer;
  };
}

const NO_WORDS = new Int32Array(0);
const NO_OFFSETS = new Uint32Array(0);

/** What the postings read: the entries (the words left out). */
function postingsInput(input: ListsInput): ListsInput {
  return {
    ...input,
    words: NO_WORDS,
    wordOff: NO_OFFSETS,
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
