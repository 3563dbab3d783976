import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherArticle } from '../../test-support/store-contract';
import { createCorpus } from '../corpus/create-corpus';
import type { MergePolicy } from '../live/components/merge-policy';
import { createMemoryStore } from '../store/memory-store';
import { asyncOf } from '../../test-support/async-of';
import { segmentBuilders } from './build-segment';
import { mergeBeside, type RunningMerge, startMerge } from './live-merges';
import { openSqliteStore } from './sqlite-store';
import type { LiveSegment } from './live-start';

const policy: MergePolicy = { segmentsPerTier: 4, floor: 10, maxDeadShare: 0.5 };
const article = (n: number) => otherArticle(`https://example.com/merges/${n}`, n);
/** One segment per commit of one article, as a follower makes them at a slow rate. */
const oneEach = (from: number, count: number): LiveSegment[] =>
  Array.from({ length: count }, (_, i) => ({
    corpus: createCorpus([article(from + i)]),
    from: from + i,
    to: from + i + 1,
  }));

const dir = mkdtempSync(join(tmpdir(), 'gazette-merges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merges of a live corpus', () => {
  it('a merge over a store opened by its path reads no article on the serving thread (the worker does)', async () => {
    const db = join(dir, 'merge-reads.db');
    const writer = openSqliteStore(db);
    writer.putMany(Array.from({ length: 12 }, (_, n) => article(n)));
    const segments = oneEach(0, 12);
    // Any article read here would be garbage on this thread's heap, collected in a pause while queries
    // wait (reading every article before a merge held the thread 3.3 s at 30k).
    const reads: string[] = [];
    const store = new Proxy(asyncOf(writer), {
      get(target, name, receiver) {
        if (name === 'get' || name === 'getMany' || name === 'iterate' || name === 'list') reads.push(name);
        return Reflect.get(target, name, receiver);
      },
    });
    const builders = segmentBuilders();
    try {
      const range = mergeBeside(segments, [], policy)!;
      const merged = await startMerge(builders, store, db, undefined, segments, range).merged;
      expect(merged.corpus.size).toBe(range.to - range.from);
      expect(reads).toEqual([]);
    } finally {
      builders.close();
      writer.close();
    }
  }, 60_000);

  it('a merge of the segments commits add starts while a merge of older ones runs, over other segments', async () => {
    const segments = oneEach(0, 10);
    const store = asyncOf(createMemoryStore());
    const builders = segmentBuilders();
    try {
      const first = mergeBeside(segments, [], policy)!;
      expect(first).toMatchObject({ from: 0, to: 10 });
      const running: RunningMerge = startMerge(builders, store, undefined, undefined, segments, first);
      // Commits go on while it runs: the fresh segments are merged beside it, never the ones it replaces.
      const more = [...segments, ...oneEach(10, 5)];
      const beside = mergeBeside(more, [running], policy)!;
      expect(beside).toMatchObject({ from: 10, to: 15 });
      expect(mergeBeside(more, [running, { ...running, replaces: more.slice(10, 15) }], policy)).toBe(
        undefined,
      );
      running.build.stop();
      await running.merged.catch(() => {});
    } finally {
      builders.close();
    }
  });

  it('builds segment after segment in one worker thread, started once, not one per merge', async () => {
    const builders = segmentBuilders();
    try {
      const replies = [];
      for (let n = 0; n < 3; n++)
        replies.push(await builders.build({ articles: [article(n), article(n + 10)] }).done);
      expect(replies[0]!.threadId).toBeGreaterThan(0);
      expect(new Set(replies.map((r) => r.threadId)).size).toBe(1);
    } finally {
      builders.close();
    }
  }, 60_000);
});
