import type { IndexLists, ListsInput } from '../search/index/build-index';
import { buildLists } from '../search/index/build-index';
import type { IndexWorkerData } from './index-build-jobs';
import { type ListsMessage, listsFromMessage } from './index-message';
import { answerOf, spawn } from './index-worker-threads';

/**
 * The finishing stage's postings and positions built by a worker while the calling thread writes the
 * string columns. The input is copied, not transferred: if the worker fails or does not answer, they are
 * built on the calling thread.
 */
export function startListsInWorker(
  file: URL,
  input: ListsInput,
  waitMs: number,
  onBuilt?: (byWorker: boolean) => void,
): () => IndexLists {
  const w = spawn(file, (link): IndexWorkerData => ({ ...link, lists: input }));
  return () => {
    const answer = answerOf<ListsMessage>(w, 'lists', waitMs);
    void w.worker.terminate();
    onBuilt?.(answer !== undefined);
    return answer ? listsFromMessage(answer) : buildLists(input);
  };
}
