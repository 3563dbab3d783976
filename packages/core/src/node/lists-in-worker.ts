import type { IndexLists, ListsInput } from '../search/index/build-index';
import { buildPositions, buildPostings } from '../search/index/build-index';
import type { IndexWorkerData, ListsHalf } from './index-build-jobs';
import { type ListsMessage, positionsFromMessage, postingsFromMessage } from './index-message';
import { answerOf, sendChunks, spawn } from './index-worker-threads';

/**
 * Starts two workers for the finishing stage's postings and positions, one half each, while the index is
 * still being analysed (their start is then not waited for); the function returned sends them the input,
 * and its own returns the lists once both answered. The halves are built while the calling thread writes
 * the string columns: the lists were the longest of the three, and with a core each the halves end about
 * when the columns do. Each worker is sent only the input its half reads, copied, not transferred: if a
 * worker fails or does not answer, its half is built on the calling thread. `onBuilt` is told whether
 * both halves were built by workers.
 */
export function startListsWorkers(
  file: URL,
): (input: ListsInput, waitMs: number, onBuilt?: (byWorker: boolean) => void) => () => IndexLists {
  const postings = spawnHalf(file, 'postings');
  const positions = spawnHalf(file, 'positions');
  return (input, waitMs, onBuilt) => {
    const p = postings(postingsInput(input));
    const q = positions(positionsInput(input));
    return () => {
      const posted = p(waitMs)?.postings;
      const placed = q(waitMs)?.positions;
      onBuilt?.(posted !== undefined && placed !== undefined);
      return {
        postings: posted ? postingsFromMessage(posted) : buildPostings(input),
        positions: placed ? positionsFromMessage(placed) : buildPositions(input),
      };
    };
  };
}

/** Starts a worker on one half of the lists: send it the input, then wait for its answer. */
function spawnHalf(file: URL, half: ListsHalf) {
  const w = spawn(file, (link): IndexWorkerData => ({ ...link, half }));
  return (input: ListsInput) => {
    sendChunks(w, [input], 0, 1, (x) => x);
    return (waitMs: number): Partial<ListsMessage> | undefined => {
      const answer = answerOf<Partial<ListsMessage>>(w, 'lists', waitMs);
      void w.worker.terminate();
      return answer;
    };
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
