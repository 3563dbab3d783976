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
import { analysePart, appendPart, type IndexPart, partBuffers, partOf } from '../search/index/index-part';
import type { DocumentFields, IndexedArticle } from '../search/index/indexed-article';
import type { IndexAnswer, IndexJob, IndexWorkerData, PartJob } from './index-build-jobs';
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
import { startListsInWorker } from './lists-in-worker';

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

/** Analyses each chunk as it arrives, then lets it go: this worker's heap holds what the part needs, not its documents. */
function postPart(link: WorkerLink, job: PartJob): void {
  const b = createBuilders(job.documents);
  const docs = new Array<IndexedArticle>(job.documents);
  for (let seen = 0, from = 0; from < job.documents; seen++) {
    const chunk = receiveChunk<IndexedArticle>(link, seen, job.waitMs);
    for (let i = 0; i < chunk.length; i++) docs[from + i] = chunk[i]!;
    analyseDocuments(b, docs, from, from + chunk.length);
    docs.fill(undefined as never, from, from + chunk.length);
    from += chunk.length;
  }
  const part = partOf(b, job.documents);
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
