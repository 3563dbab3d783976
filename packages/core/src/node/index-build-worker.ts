// A worker of the parallel index build (parallel-index.ts). Its job is one of:
// - part: analyse a range of documents (sent in chunks) into an IndexPart, posted to the index's worker;
// - index: analyse the first range (sent whole; of the other ranges only each document's head), append
//   the parts as they arrive (each with its range's unique texts), finish the index and post it back: the
//   thread holding the articles (and a heap each full garbage collection must mark) allocates none of the index;
// - lists: build the finishing stage's postings or its positions (ListsInput, one half each: ListsHalf)
//   for the index's worker.
import {
  analyseDocuments,
  type Builders,
  buildPositions,
  buildPostings,
  createBuilders,
  finishIndex,
  projectGrowth,
  type ListsInput,
} from '../search/index/build-index';
import { appendPart, partBuffers, partOf } from '../search/index/index-part';
import type { DocumentFields, DocumentHead, IndexedArticle } from '../search/index/indexed-article';
import { type StageSpan, ThreadTimeline } from './build-timeline';
import type { IndexAnswer, IndexJob, IndexWorkerData, ListsHalf, PartJob } from './index-build-jobs';
import {
  buffersOf,
  DONE,
  FAILED,
  movable,
  READY,
  raise,
  receiveChunk,
  type WorkerLink,
} from './index-worker-threads';
import { type ListsMessage, postingsMessage } from './index-message';
import { startListsWorkers } from './lists-in-worker';
import { PartInbox, type TextsMessage } from './part-inbox';
import { fromWire, type WireArticle } from './wire-article';

export function run(data: IndexWorkerData): void {
  let state = FAILED;
  try {
    if (data.half) postLists(data, data.half, new ThreadTimeline(data.half, data.traceGc));
    else if (data.part) postPart(data, data.part, new ThreadTimeline('helper', data.traceGc));
    else if (data.index) postIndex(data, data.index, new ThreadTimeline('index', data.traceGc));
    state = DONE;
  } finally {
    raise(data.flag, state);
  }
}

/** Analyses each chunk as it arrives, then lets it go: this worker's heap holds what the part needs, not its documents. */
function postPart(link: WorkerLink, job: PartJob, t: ThreadTimeline): void {
  const b = createBuilders(job.documents);
  const docs = new Array<IndexedArticle>(job.documents);
  t.lap('start');
  // The texts met so far go to the index's worker as they come (see PartInbox).
  let posted = 0;
  for (let seen = 0, from = 0; from < job.documents; seen++) {
    const chunk = receiveChunk<WireArticle>(link, seen, job.waitMs);
    t.lap('wait chunks');
    for (let i = 0; i < chunk.length; i++) docs[from + i] = fromWire(chunk[i]!);
    analyseDocuments(b, docs, from, from + chunk.length);
    docs.fill(undefined as never, from, from + chunk.length);
    from += chunk.length;
    projectGrowth(b, from, job.documents);
    countIn(job.analysed, chunk.length);
    t.lap('analyse');
    if (b.texts.count === posted) continue;
    const texts: TextsMessage = { texts: b.texts.piece(posted, b.texts.count) };
    job.to.postMessage(texts, buffersOf(texts));
    posted = b.texts.count;
  }
  const part = partOf(b, job.documents, posted);
  t.lap('part');
  job.to.postMessage({ part, spans: t.done() }, movable(partBuffers(part)));
}

/**
 * Every document sent to the index worker: those of its range whole, analysed as they arrive and then let
 * go, and the head of every document, which finishing the index reads (the helpers' parts bring their
 * ranges' texts).
 */
function receiveDocuments(
  link: WorkerLink,
  job: IndexJob,
  b: Builders,
  inboxes: readonly PartInbox[],
  t: ThreadTimeline,
): DocumentHead[] {
  const docs: DocumentFields[] = [];
  const heads: DocumentHead[] = [];
  for (let seen = 0; heads.length < job.documents; seen++) {
    const from = heads.length;
    // Documents below job.first arrive whole (WireArticle), the others as their heads.
    const chunk = receiveChunk<WireArticle & DocumentHead>(link, seen, job.waitMs);
    t.lap('wait chunks');
    for (const x of chunk) {
      if (heads.length < job.first) {
        const d = fromWire(x);
        docs.push(d);
        heads.push({ id: d.id, slug: d.slug, title: d.title, publishedAt: d.publishedAt });
      } else heads.push(x);
    }
    for (const inbox of inboxes) inbox.drain();
    const to = Math.min(heads.length, job.first);
    if (from >= to) continue;
    analyseDocuments(b, docs, from, to);
    docs.fill(undefined as never, from, to);
    projectGrowth(b, to, job.first);
    countIn(job.analysed, to - from);
    t.lap('analyse');
  }
  return heads;
}

function postIndex(link: IndexWorkerData, job: IndexJob, t: ThreadTimeline): void {
  const started = performance.now();
  const waitMs = () => Math.max(job.waitMs, 10 * (performance.now() - started));
  const lists = startListsWorkers(new URL(job.worker), link.traceGc);
  const b = createBuilders(job.documents);
  const inboxes = job.parts.map((p) => new PartInbox(p));
  t.lap('start');
  const heads = receiveDocuments(link, job, b, inboxes, t);
  let partsAnswered = 0;
  for (const [k, p] of job.parts.entries()) {
    const part = inboxes[k]!.receive(waitMs());
    t.lap('wait parts');
    // Without the part, this worker holds not even the range's texts: the index is then built by the
    // thread that holds the articles.
    if (!part) throw new Error(`the documents ${p.from}..${p.to} were not analysed`);
    partsAnswered++;
    // Its entries and words are appended by the lists' worker (see ListsInput).
    appendPart(b, part, p.from, true);
    t.lap('append');
  }
  let listsByWorker = false;
  let listsSpans: StageSpan[] = [];
  const index = finishIndex(heads, b, (input) => {
    t.lap('sort terms');
    const built = lists(input, waitMs(), (byWorker, spans) => {
      listsByWorker = byWorker;
      listsSpans = spans;
    });
    t.lap('send lists input');
    return () => {
      t.lap('columns');
      const out = built();
      t.lap('wait lists');
      return out;
    };
  });
  t.lap('assemble');
  const spans = [...t.done(), ...inboxes.flatMap((i) => i.spans), ...listsSpans];
  const answer: IndexAnswer = { index, partsAnswered, listsByWorker, spans };
  link.port.postMessage({ answer }, buffersOf(index));
}

/** Adds to a shared count, waking a thread that waits on it. */
function countIn(count: Int32Array, n: number): void {
  Atomics.add(count, 0, n);
  Atomics.notify(count, 0);
}

/**
 * Builds one half of the lists and posts it, once the index's worker sends the input (it starts this
 * worker as its own analysis starts, so that this one's start is not waited for at the end).
 */
function postLists(link: WorkerLink, half: ListsHalf, t: ThreadTimeline): void {
  t.lap('start');
  // Started: the index worker may now move its input here rather than copy it (see startListsWorkers).
  raise(link.flag, READY);
  // No time limit: the index's worker ends this one, its child, when it ends.
  const [input] = receiveChunk<ListsInput>(link, 0, Number.POSITIVE_INFINITY);
  if (!input) throw new Error('the lists to build did not arrive');
  t.lap('wait input');
  const lists: Partial<ListsMessage> & { spans?: StageSpan[] } = {};
  if (half === 'postings') {
    lists.postings = postingsMessage(buildPostings(input));
  }
  if (half === 'positions') {
    const { positions: q, pairs } = buildPositions(input);
    lists.positions = { byteOff: q.byteOff, bytes: q.bytes, textCount: q.textCount };
    if (pairs) lists.pairs = { keys: pairs.keys, postings: postingsMessage(pairs.postings) };
  }
  t.lap('build');
  lists.spans = t.done();
  link.port.postMessage({ lists }, buffersOf(lists));
}
