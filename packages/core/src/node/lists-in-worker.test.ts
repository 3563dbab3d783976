import { describe, expect, it } from 'vitest';
import { fixture } from '../../test-support/test-articles';
import {
  analyseDocuments,
  buildIndex,
  createBuilders,
  finishIndex,
  type ListsInput,
} from '../search/index/build-index';
import { analysePart, appendPart } from '../search/index/index-part';
import { startListsWorkers } from './lists-in-worker';

const WORKER = new URL('./index-build-worker.ts', import.meta.url);

const docs = Array.from({ length: 24 }, (_, i) =>
  fixture({
    title: `Bank rate ${i % 5} decision`,
    body: [`The bank held rates at ${i % 3} per cent.`, 'Markets rose on the news.', `Word${i} alone.`],
    tags: [`tag ${i % 4}`],
  }),
);

/** The builders of docs with their second half appended as a deferred part (as the index worker has them). */
function builders() {
  const b = createBuilders(docs.length);
  analyseDocuments(b, docs, 0, 12);
  appendPart(b, analysePart(docs.slice(12)), 12, true);
  return b;
}

describe('the lists built by two workers (postings, positions)', () => {
  it('are the lists built here, their large input moved or shared with the workers (not copied), the term ranks kept', () => {
    const lists = startListsWorkers(WORKER);
    lists.ready(60_000);
    let sent: ListsInput | undefined;
    let byWorker: unknown;
    let threads: string[] = [];
    const ix = finishIndex(docs, builders(), (input) => {
      sent = input;
      return lists(input, 60_000, (w, spans) => {
        byWorker = w;
        threads = spans.map((s) => s.thread);
      });
    });
    expect(ix).toEqual(buildIndex(docs));
    expect(byWorker, 'both halves built by a worker').toBe(true);
    expect(new Set(threads)).toEqual(new Set(['postings', 'positions']));
    const moved = [
      sent!.words,
      sent!.entries.entryTerm,
      sent!.parts[0]!.words,
      sent!.parts[0]!.entries.docEnd,
    ];
    // Arrays grown in place are over shared buffers (see GrowableArray): the worker reads the same memory.
    for (const a of moved)
      if (!(a.buffer instanceof SharedArrayBuffer)) expect(a.byteLength, 'moved to its worker').toBe(0);
    expect(sent!.words.buffer, 'the words grown in place, shared').toBeInstanceOf(SharedArrayBuffer);
    expect(sent!.parts[0]!.entries.docEnd.byteLength, 'a plain array moved').toBe(0);
    expect(sent!.rank.length, 'the ranks stay (the surface words read them)').toBeGreaterThan(0);
  }, 60_000);

  it('that could not start leave their halves to this thread, which still holds the input (copied, not moved, to a worker not started yet)', () => {
    const lists = startListsWorkers(new URL('./no-such-worker.ts', import.meta.url));
    let byWorker: unknown;
    const ix = finishIndex(docs, builders(), (input) => lists(input, 60_000, (w) => (byWorker = w)));
    expect(ix).toEqual(buildIndex(docs));
    expect(byWorker).toBe(false);
  }, 60_000);
});
