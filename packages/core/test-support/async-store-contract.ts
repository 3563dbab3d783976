import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/errors/gazette-error';
import { GIVEN_UP_KEPT } from '../src/follow/alert-schema';
import type { Article } from '../src/model/article-schema';
import type { AsyncArticleStore } from '../src/store/async-store-types';
import { changePageSize, MAX_CHANGE_PAGE } from '../src/store/memory-store';
import { STORE_LIMITS } from '../src/store/store-limits';
import {
  batchOverLimit,
  followed,
  largeArticle,
  otherArticle,
  STORY,
  shortItem,
  storyArticle,
} from './store-contract';

export interface AsyncStoreFactory {
  /** A fresh, empty store. */
  open(): Promise<AsyncArticleStore>;
  /** Reopens the store last opened, after close (durable backends). */
  reopen?: () => Promise<AsyncArticleStore>;
  /** A second handle on the store last opened, at the same time (another writer, another connection). */
  another?: () => Promise<AsyncArticleStore>;
  /**
   * Whether leases are kept in the store itself, so two handles (processes) share them: PostgreSQL's are;
   * `asAsyncStore` holds them in the handle (one process), so two handles over one SQLite file do not.
   */
  leasesAcrossHandles?: boolean;
}

const NOW = '2026-03-04T10:00:00.000Z';
const LATER = '2026-03-04T10:05:00.000Z';
const MUCH_LATER = '2026-03-04T11:00:00.000Z';

/** A test body over a fresh store, closed whatever happens. */
const withStore =
  (factory: AsyncStoreFactory, body: (store: AsyncArticleStore) => Promise<void>) => async () => {
    const store = await factory.open();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };

const mirrorOf = (url: string) =>
  storyArticle(url, [STORY[0]!, STORY[1]!.replace('free', 'subsidised'), ...STORY.slice(2)]);

/**
 * What every store answering `AsyncArticleStore` must do: memory and SQLite through `asAsyncStore`, and
 * PostgreSQL natively. Every case of the store's behaviour is written here once; `storeContract` keeps
 * only what a synchronous store has besides (its corpus, list).
 */
export function asyncStoreContract(name: string, factory: AsyncStoreFactory): void {
  describe(`AsyncArticleStore contract: ${name}`, () => {
    it(
      'adds, updates (keeping versions and a diff), reports unchanged, and moves its revision only then',
      withStore(factory, async (store) => {
        const v1 = storyArticle('https://example.com/news/bridge');
        const v2 = storyArticle(
          'https://example.com/news/bridge',
          [...STORY.slice(0, 3), 'The council later said the report would be delayed by a month.'],
          'Harbour bridge to close to cars next spring',
        );
        const r0 = await store.revision();
        expect(await store.put(v1, { now: '2026-03-04T10:00:00Z' })).toEqual({
          status: 'added',
          id: v1.id,
          version: 1,
        });
        const r1 = await store.revision();
        expect(r1).not.toBe(r0);
        expect((await store.put(v1, { now: '2026-03-06T10:00:00Z' })).status).toBe('unchanged');
        expect(await store.revision()).toBe(r1);
        expect(await store.put(v2, { now: '2026-03-05T10:00:00Z' })).toEqual({
          status: 'updated',
          id: v1.id,
          version: 2,
        });
        expect(await store.revision()).not.toBe(r1);
        expect(await store.count()).toBe(1);
        expect((await store.get(v2.slug))?.title).toBe(v2.title);
        expect((await store.get(v1.id))?.firstSeenAt).toBe('2026-03-04T10:00:00Z');
        const versions = await store.versions(v1.id);
        expect(versions.map((v) => [v.version, v.savedAt, v.article.title])).toEqual([
          [1, '2026-03-04T10:00:00Z', v1.title],
          [2, '2026-03-05T10:00:00Z', v2.title],
        ]);
        const diff = (await store.diff(v1.id))!;
        expect([diff.from, diff.to, diff.removed, diff.added.length]).toEqual([1, 2, [STORY[3]], 1]);
        expect(diff.fields.map((f) => f.field)).toContain('title');
        expect(await store.diff('a_0000000000000000')).toBeUndefined();
        expect(await store.get('a_0000000000000000')).toBeUndefined();
      }),
    );

    it(
      'links near-duplicates (also within one batch), never short or differently titled items',
      withStore(factory, async (store) => {
        const a = storyArticle('https://example.com/news/bridge');
        const results = await store.putMany([a, mirrorOf('https://mirror.example.org/bridge')]);
        expect(results.map((r) => r.status)).toEqual(['added', 'duplicate']);
        expect(results[1]).toMatchObject({ duplicateOf: a.id });
        expect((await store.put(mirrorOf('https://third.example.net/bridge'))).status).toBe('duplicate');
        expect((await store.put(mirrorOf('https://third.example.net/bridge'))).status).toBe('duplicate');
        const reworded = storyArticle(
          'https://mirror.example.org/b',
          STORY,
          'Harbour bridge will close to cars',
        );
        expect((await store.put(reworded)).status).toBe('duplicate');
        const retitled = storyArticle(
          'https://example.com/news/budget',
          STORY,
          'Council approves the school budget',
        );
        expect((await store.put(retitled)).status).toBe('added');
        const empty = [0, 1, 2].map((n) => shortItem(n, ''));
        const short = [3, 4, 5].map((n) => shortItem(n, 'submitted by a reader [link] [comments]'));
        expect((await store.putMany([...empty, ...short])).map((r) => r.status)).toEqual(
          Array(6).fill('added'),
        );
        expect(await store.count()).toBe(8);
        expect((await store.duplicates(a.id)).map((d) => d.url)).toEqual([
          'https://mirror.example.org/bridge',
          'https://third.example.net/bridge',
          'https://mirror.example.org/b',
        ]);
        expect(await store.duplicates(retitled.id)).toEqual([]);
        expect(await store.get(mirrorOf('https://mirror.example.org/bridge').id)).toBeUndefined();
      }),
    );

    it(
      'stores a batch all or nothing, and reads many by id in the order asked',
      withStore(factory, async (store) => {
        const good = otherArticle('https://example.com/science/1', 1);
        const bad = { ...otherArticle('https://example.com/science/2', 2), title: '' } as Article;
        await expect(store.putMany([good, bad])).rejects.toThrow(GazetteError);
        expect(await store.count()).toBe(0);
        const more = [3, 4, 5].map((n) => otherArticle(`https://example.com/science/${n}`, n));
        await store.putMany([good, ...more]);
        const ids = [more[2]!.id, 'a_0000000000000000', good.id];
        expect((await store.getMany(ids)).map((a) => a.id)).toEqual([more[2]!.id, good.id]);
        const all: string[] = [];
        for await (const a of store.iterate()) all.push(a.id);
        expect(all).toEqual([good, ...more].map((a) => a.id));
      }),
    );

    it(
      'keeps every version of an article put several times in one batch, stored before or not',
      withStore(factory, async (store) => {
        const v = [1, 2, 3, 4].map((n) => ({
          ...storyArticle('https://example.com/news/often'),
          title: `Take ${n}`,
        }));
        const first = await store.putMany([v[0]!, v[1]!], { now: '2026-03-04T10:00:00Z' });
        expect(first.map((r) => [r.status, r.version])).toEqual([
          ['added', 1],
          ['updated', 2],
        ]);
        const second = await store.putMany([v[2]!, v[3]!, v[3]!], { now: '2026-03-04T11:00:00Z' });
        expect(second.map((r) => [r.status, r.version])).toEqual([
          ['updated', 3],
          ['updated', 4],
          ['unchanged', 4],
        ]);
        const versions = await store.versions(v[0]!.id);
        expect(versions.map((x) => [x.version, x.article.title])).toEqual(v.map((a, i) => [i + 1, a.title]));
        expect((await store.changes(0)).changes.map((c) => [c.version, c.kind])).toEqual([
          [1, 'added'],
          [2, 'updated'],
          [3, 'updated'],
          [4, 'updated'],
        ]);
        // Its near-duplicate index follows the last version: a copy under the last title is linked to it.
        const copy = { ...mirrorOf('https://mirror.example.org/often'), title: 'Take 4' };
        expect(await store.put(copy)).toMatchObject({ status: 'duplicate', duplicateOf: v[0]!.id });
      }),
    );

    it(
      'keeps values of any length and any character an article may hold (no size limit of an index or a column)',
      withStore(factory, async (store) => {
        const base = otherArticle('https://example.com/long', 9);
        const long = {
          ...base,
          slug: `${'very-long-slug-'.repeat(700)}end`,
          url: `https://example.com/${'x'.repeat(9000)}`,
          title: `A title with a NUL \u0000 and ${'words '.repeat(2000)}`,
        };
        expect((await store.put(long)).status).toBe('added');
        expect((await store.get(long.slug))?.title).toBe(long.title);
        const copy = {
          ...mirrorOf(`https://mirror.example.org/${'y'.repeat(9000)}`),
          title: `Harbour \u0000 bridge`,
        };
        await store.put(storyArticle('https://example.com/news/bridge', STORY, 'Harbour \u0000 bridge'));
        expect((await store.put(copy)).status).toBe('duplicate');
        expect((await store.duplicates()).map((d) => d.url)).toEqual([copy.url]);
        expect((await store.changes(0)).changes).toHaveLength(2);
      }),
    );

    it(
      "refuses an article or a batch over the store's limits with an error naming the limit, writing nothing",
      withStore(factory, async (store) => {
        const refusal = async (put: Promise<unknown>) => {
          const error = (await put.then(
            () => undefined,
            (e: unknown) => e,
          )) as GazetteError;
          expect(error).toBeInstanceOf(GazetteError);
          expect(error.code).toBe('INPUT_TOO_LARGE');
          return error;
        };
        const huge = largeArticle(1, STORE_LIMITS.articleChars);
        const one = await refusal(store.put(huge));
        expect(one.message).toContain('STORE_LIMITS.articleChars');
        expect(one.details.where).toBe(huge.id);
        // Each under the article limit, together over the batch's: refused as a batch, none stored.
        const batch = batchOverLimit();
        for (const a of batch) expect(JSON.stringify(a).length).toBeLessThan(STORE_LIMITS.articleChars);
        const many = await refusal(store.putMany(batch));
        expect(many.message).toContain('STORE_LIMITS.batchChars');
        expect(many.details.where).toBe('batch');
        expect(await store.count()).toBe(0);
        // Under both limits, a large article is kept whole.
        expect((await store.put(batch[0]!)).status).toBe('added');
        expect((await store.get(batch[0]!.id))?.title.length).toBe(batch[0]!.title.length);
      }),
      120_000,
    );

    it(
      'logs every add and update in commit order and pages the log by its last seq',
      withStore(factory, async (store) => {
        const a = storyArticle('https://example.com/news/logged');
        const b = otherArticle('https://example.com/news/other', 1);
        await store.put(a, { now: '2026-03-04T10:00:00Z' });
        await store.put(b, { now: '2026-03-04T10:01:00Z' });
        await store.put(a);
        await store.put(storyArticle('https://mirror.example.org/logged'));
        await store.put({ ...a, title: `${a.title} (updated)` }, { now: '2026-03-04T10:02:00Z' });
        const all = await store.changes(0);
        expect(all.changes.map((c) => [c.id, c.version, c.kind, c.savedAt])).toEqual([
          [a.id, 1, 'added', '2026-03-04T10:00:00Z'],
          [b.id, 1, 'added', '2026-03-04T10:01:00Z'],
          [a.id, 2, 'updated', '2026-03-04T10:02:00Z'],
        ]);
        const seqs = all.changes.map((c) => c.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        const first = await store.changes(0, 1);
        expect((await store.changes(first.last, 10)).changes.map((c) => c.seq)).toEqual(seqs.slice(1));
        expect(await store.changes(all.last)).toEqual({ changes: [], last: all.last });
        expect((await store.changes(0, 0)).changes).toHaveLength(1);
        expect((await store.changes(0, Number.MAX_SAFE_INTEGER)).changes).toHaveLength(3);
        expect(changePageSize(Number.MAX_SAFE_INTEGER)).toBe(MAX_CHANGE_PAGE);
      }),
    );

    it(
      'has an identity made with it',
      withStore(factory, async (store) => {
        expect(await store.identity()).toMatch(/^[\w-]{16,}$/);
      }),
    );

    sourceCases(factory);
    alertCases(factory);
    if (factory.another) sharedCases(factory, factory.another);
    if (factory.reopen) durableCases(factory, factory.reopen);
  });
}

function sourceCases(factory: AsyncStoreFactory): void {
  it(
    'follows sources: one per URL, options updated with the state kept, unfollowed',
    withStore(factory, async (store) => {
      const a = followed('https://feeds.example/a.xml');
      const b = followed('https://feeds.example/b.xml');
      expect(await store.sources.follow(a)).toEqual({ source: a, added: true });
      await store.sources.follow(b);
      await store.sources.saveState(a.id, { ...a.state, polls: 3, etag: '"x"' });
      const again = await store.sources.follow({
        ...a,
        id: 'ignored',
        full: true,
        everySeconds: 900,
        addedAt: '2026-05-01T00:00:00.000Z',
      });
      expect(again).toMatchObject({
        added: false,
        source: {
          id: a.id,
          full: true,
          everySeconds: 900,
          addedAt: a.addedAt,
          state: { polls: 3, etag: '"x"' },
        },
      });
      expect((await store.sources.list()).map((s) => s.url)).toEqual([a.url, b.url]);
      expect((await store.sources.get(b.url))?.id).toBe(b.id);
      expect((await store.sources.unfollow(a.url))?.id).toBe(a.id);
      await store.sources.saveState(a.id, a.state);
      expect((await store.sources.list()).map((s) => s.id)).toEqual([b.id]);
    }),
  );

  it(
    'leases each due source to one worker; an expired lease is taken over; a stale holder cannot release',
    withStore(factory, async (store) => {
      const all = [0, 1, 2, 3, 4].map((i) => followed(`http://127.0.0.1/feed-${i}.xml`));
      for (const s of all) await store.sources.follow(s);
      const lease = (worker: string, now: string, until: string, limit: number) =>
        store.sources.lease({ worker, now, until, limit });
      const [a, b] = await Promise.all([lease('a', NOW, LATER, 3), lease('b', NOW, LATER, 10)]);
      expect(a.length + b.length).toBe(5);
      expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(5);
      expect(await lease('c', NOW, LATER, 10)).toEqual([]);
      const c = await lease('c', LATER, MUCH_LATER, 10);
      expect(c.map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
      // The two leases race: either may have taken all five, so the stale holder is whichever got one.
      const [stale, staleWorker] = a.length > 0 ? [a[0]!, 'a'] : [b[0]!, 'b'];
      expect(await store.sources.release(stale.id, staleWorker, stale.state)).toBe(false);
      const polled = { ...c[0]!.state, polls: 1, nextPollAt: MUCH_LATER };
      expect(await store.sources.release(c[0]!.id, 'c', polled)).toBe(true);
      expect((await store.sources.get(c[0]!.id))?.state.polls).toBe(1);
      // Released with its next poll later: not due again before then, whoever asks.
      const d = await lease('d', '2026-03-04T10:30:00.000Z', MUCH_LATER, 10);
      expect(d.map((s) => s.id)).not.toContain(c[0]!.id);
    }),
  );
}

function alertCases(factory: AsyncStoreFactory): void {
  const alert = (id: string) => ({
    id,
    query: 'harbour',
    webhook: 'http://127.0.0.1:9/hook',
    secret: 's',
    createdAt: '2026-03-04T10:00:00Z',
  });
  const delivery = (id: string, nextAt: string, alertId = 'al1') => ({
    id,
    alertId,
    body: '{}',
    attempts: 0,
    nextAt,
    gaveUp: false,
  });

  it(
    'keeps alerts and deliveries: due by time, settled, given up (the newest kept), dropped with their alert',
    withStore(factory, async (store) => {
      await store.alerts.add(alert('al1'));
      expect((await store.alerts.get('al1'))?.query).toBe('harbour');
      await store.alerts.enqueue(delivery('d1', '2026-03-04T10:00:00Z'));
      await store.alerts.enqueue(delivery('d2', '2026-03-04T11:00:00Z'));
      await store.alerts.enqueue(delivery('d3', '2026-03-04T10:00:00Z', 'gone'));
      expect((await store.alerts.pending()).map((d) => d.id)).toEqual(['d1', 'd2']);
      expect((await store.alerts.due('2026-03-04T10:30:00Z', 10)).map((d) => d.id)).toEqual(['d1']);
      const retry = {
        delivered: false,
        attempts: 1,
        nextAt: '2026-03-04T12:00:00Z',
        lastError: 'HTTP 500',
        gaveUp: false,
      } as const;
      await store.alerts.settle('d1', retry);
      expect((await store.alerts.due('2026-03-04T11:30:00Z', 10)).map((d) => d.id)).toEqual(['d2']);
      expect((await store.alerts.pending())[0]).toMatchObject({
        id: 'd1',
        attempts: 1,
        lastError: 'HTTP 500',
      });
      await store.alerts.settle('d1', { ...retry, attempts: 0, nextAt: '2026-03-04T10:00:00Z' });
      await store.alerts.settle('d2', { delivered: true });
      for (let i = 0; i < GIVEN_UP_KEPT + 3; i++) {
        const id = `g${String(i).padStart(3, '0')}`;
        await store.alerts.enqueue(delivery(id, '2026-03-04T10:00:00Z'));
        const outcome = {
          delivered: false,
          attempts: 8,
          nextAt: NOW,
          lastError: 'HTTP 500',
          gaveUp: true,
        } as const;
        await store.alerts.settle(id, outcome);
      }
      const pending = await store.alerts.pending();
      expect(pending.filter((d) => d.gaveUp).map((d) => d.id)[0]).toBe('g003');
      expect(pending.filter((d) => d.gaveUp)).toHaveLength(GIVEN_UP_KEPT);
      expect(pending[0]).toMatchObject({ id: 'd1', attempts: 0 });
      expect(await store.alerts.due('2027-01-01T00:00:00Z', 10)).toMatchObject([{ id: 'd1' }]);
      expect((await store.alerts.remove('al1'))?.id).toBe('al1');
      expect(await store.alerts.pending()).toEqual([]);
      expect(await store.alerts.remove('al1')).toBeUndefined();
    }),
  );

  it(
    'moves where alerts were matched together with the deliveries queued, never for a writer that read an old mark',
    withStore(factory, async (store) => {
      await store.put(storyArticle('https://example.com/news/before-alerts'));
      const head = (await store.changes(0)).last;
      expect(await store.alerts.matchedThrough()).toBeUndefined();
      await store.alerts.add(alert('m1'));
      expect(await store.alerts.matchedThrough()).toBe(head);
      await store.put(otherArticle('https://example.com/news/after-alert', 2));
      const next = (await store.changes(0)).last;
      await store.alerts.add(alert('m2')); // m1 has yet to hear of the new article: the mark stays
      expect(await store.alerts.matchedThrough()).toBe(head);
      const [first, second] = await Promise.all([
        store.alerts.queueMatched([delivery('q1', NOW, 'm1')], head, next),
        store.alerts.queueMatched([delivery('q2', NOW, 'm1')], head, next),
      ]);
      expect([first, second].sort()).toEqual([false, true]);
      expect((await store.alerts.pending()).map((d) => d.id)).toEqual([first ? 'q1' : 'q2']);
      expect(await store.alerts.matchedThrough()).toBe(next);
    }),
  );
}

function sharedCases(factory: AsyncStoreFactory, another: () => Promise<AsyncArticleStore>): void {
  it('stores the same articles once when two connections put them at the same time', async () => {
    const first = await factory.open();
    const second = await another();
    try {
      const batch = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => otherArticle(`https://example.com/race/${n}`, n));
      const story = storyArticle('https://example.com/news/bridge');
      const [x, y] = await Promise.all([
        first.putMany([...batch, story]),
        second.putMany([mirrorOf('https://mirror.example.org/bridge'), ...batch.reverse()]),
      ]);
      const statuses = [...x, ...y].map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 'added')).toHaveLength(batch.length + 1);
      expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(batch.length);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(1);
      expect(await first.count()).toBe(batch.length + 1);
      const log = await second.changes(0);
      expect(log.changes).toHaveLength(batch.length + 1);
      expect(new Set(log.changes.map((c) => c.id)).size).toBe(batch.length + 1);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it.runIf(factory.leasesAcrossHandles)(
    'never leases one source to two connections asking at once',
    async () => {
      const first = await factory.open();
      const second = await another();
      try {
        for (let i = 0; i < 20; i++) await first.sources.follow(followed(`http://127.0.0.1/shared-${i}.xml`));
        const ask = (store: AsyncArticleStore, worker: string) =>
          store.sources.lease({ worker, now: NOW, until: LATER, limit: 7 });
        const leased = await Promise.all([
          ask(first, 'w1'),
          ask(second, 'w2'),
          ask(first, 'w3'),
          ask(second, 'w4'),
        ]);
        const ids = leased.flat().map((s) => s.id);
        expect(ids).toHaveLength(20);
        expect(new Set(ids).size).toBe(20);
      } finally {
        await first.close();
        await second.close();
      }
    },
  );
}

function durableCases(factory: AsyncStoreFactory, reopen: () => Promise<AsyncArticleStore>): void {
  it('keeps articles, links, sources, alerts and its identity across close and reopen', async () => {
    const store = await factory.open();
    const a = storyArticle('https://example.com/news/bridge');
    await store.put(a, { now: '2026-03-04T10:00:00Z' });
    await store.put(mirrorOf('https://mirror.example.org/bridge'));
    const source = followed('https://feeds.example/durable.xml');
    await store.sources.follow(source);
    await store.sources.saveState(source.id, { ...source.state, etag: '"e1"', failures: 2 });
    await store.alerts.add({
      id: 'kept',
      query: 'bridge',
      secret: 's',
      createdAt: NOW,
      webhook: 'http://127.0.0.1:9/',
    });
    const waiting = { id: 'dk', alertId: 'kept', body: '{"a":1}', attempts: 2, nextAt: NOW, gaveUp: false };
    await store.alerts.enqueue(waiting);
    const identity = await store.identity();
    await store.close();
    const again = await reopen();
    try {
      expect(await again.get(a.id)).toEqual({ ...a, firstSeenAt: '2026-03-04T10:00:00Z' });
      expect(await again.duplicates(a.id)).toHaveLength(1);
      expect((await again.put(mirrorOf('https://third.example.net/bridge'))).status).toBe('duplicate');
      expect((await again.sources.get(source.url))?.state).toMatchObject({ etag: '"e1"', failures: 2 });
      expect(await again.alerts.pending()).toMatchObject([{ id: 'dk', body: '{"a":1}', attempts: 2 }]);
      expect((await again.alerts.get('kept'))?.query).toBe('bridge');
      expect(await again.identity()).toBe(identity);
    } finally {
      await again.close();
    }
    const other = await factory.open();
    expect(await other.identity()).not.toBe(identity);
    await other.close();
  });
}
