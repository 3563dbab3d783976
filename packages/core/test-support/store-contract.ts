import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/errors/gazette-error';
import type { Article } from '../src/model/article-schema';
import { changePageSize, MAX_CHANGE_PAGE } from '../src/store/memory-store';
import type { ArticleStore } from '../src/store/store-types';
import type { FollowedSource } from '../src/follow/followed-source-schema';
import { GIVEN_UP_KEPT } from '../src/follow/alert-schema';
import { initialState } from '../src/follow/poll-schedule';
import { sourceId } from '../src/follow/source-id';
import { parseText } from '../src/formats/text/parse-text';

const STORY = [
  'The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found corrosion in three of its steel supports.',
  'Mayor Ana Ruiz said the decision was painful but unavoidable, and promised a free ferry service while a replacement is designed and built over the next four years.',
  'Shop owners on the east bank warned that the closure would cut their trade by half, and asked the council for help with rents during the works.',
  'The council said it would publish the engineers report in full next week, together with a timetable for the public consultation on the new bridge.',
];

/** A story with a URL (so its id is stable), built by the real parser. */
export function storyArticle(
  url: string,
  lines: readonly string[] = STORY,
  title = 'Harbour bridge to close to cars',
): Article {
  return parseText(lines.join('\n'), { title, url, publishedAt: '2026-03-04' });
}

const WORDS =
  'river market school doctor farmer engine winter island museum budget striker harvest planet library violin courier glacier festival senator bakery vaccine tunnel orchard lighthouse referee satellite bishop canal drought concert hospital parliament monsoon railway theatre vineyard quarry ambassador carnival telescope refinery cathedral plateau marathon'.split(
    ' ',
  );

/** A story far from STORY and from every other n: its words are drawn from a seeded sequence. */
export function otherArticle(url: string, n = 0): Article {
  let seed = (n + 1) * 2654435761;
  const next = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return WORDS[seed % WORDS.length]!;
  };
  const lines = Array.from(
    { length: 4 },
    () =>
      `The ${next()} near the ${next()} met the ${next()} and the ${next()} before a ${next()} ${next()} ${next()} ${next()} ${next()}.`,
  );
  return parseText(lines.join('\n'), { title: `Report ${n}: the ${next()} and the ${next()}`, url });
}

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): ArticleStore;
  /** Reopens the same store after close (durable backends); absent for memory. */
  reopen?: () => ArticleStore;
  /** A second handle on the store last opened, open at the same time (another writer); absent for memory. */
  another?: () => ArticleStore;
}

/** A feed-like item: its own title and URL, and a body of a few words (or none). */
function shortItem(n: number, body: string): Article {
  const a = parseText(body || 'x', {
    title: `Item number ${n} of the feed: ${WORDS[n]} news`,
    url: `https://feed.example/${n}`,
  });
  return body ? a : { ...a, body: [], wordCount: 0 };
}

/** A followed source as `follow` makes it. */
function followed(url: string): FollowedSource {
  const now = '2026-03-04T10:00:00.000Z';
  return { id: sourceId(url), url, full: false, addedAt: now, state: initialState(now) };
}

const LEASE_NOW = '2026-03-04T10:00:00.000Z';
const LEASE_END = '2026-03-04T10:05:00.000Z';

/** The behaviour every ArticleStore backend must have. Each backend's test file runs it. */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`ArticleStore contract: ${name}`, () => {
    it('logs every article added or updated in commit order, and pages the log by its last seq', () => {
      const store = factory.open();
      const a = storyArticle('https://example.com/news/logged');
      const b = otherArticle('https://example.com/news/other', 1);
      store.put(a, { now: '2026-03-04T10:00:00Z' });
      store.put(b, { now: '2026-03-04T10:01:00Z' });
      store.put(a); // unchanged: not a change
      store.put(storyArticle('https://mirror.example.org/logged')); // a duplicate: linked, not a change
      store.put({ ...a, title: `${a.title} (updated)` }, { now: '2026-03-04T10:02:00Z' });
      const all = store.changes(0);
      expect(all.changes.map((c) => [c.id, c.version, c.kind, c.savedAt])).toEqual([
        [a.id, 1, 'added', '2026-03-04T10:00:00Z'],
        [b.id, 1, 'added', '2026-03-04T10:01:00Z'],
        [a.id, 2, 'updated', '2026-03-04T10:02:00Z'],
      ]);
      const seqs = all.changes.map((c) => c.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(all.last).toBe(seqs[2]);
      const first = store.changes(0, 1);
      expect(first.changes.map((c) => c.id)).toEqual([a.id]);
      expect(store.changes(first.last, 10).changes.map((c) => c.seq)).toEqual(seqs.slice(1));
      expect(store.changes(all.last)).toEqual({ changes: [], last: all.last });
      // A page is bounded whatever is asked: at least one change, at most MAX_CHANGE_PAGE.
      expect(store.changes(0, 0).changes).toHaveLength(1);
      expect(store.changes(0, Number.MAX_SAFE_INTEGER).changes).toHaveLength(3);
      expect(changePageSize(Number.MAX_SAFE_INTEGER)).toBe(MAX_CHANGE_PAGE);
      store.close();
    });

    it('keeps alerts and their waiting deliveries: due by time, settled, given up, dropped with their alert', () => {
      const store = factory.open();
      const alert = {
        id: 'al1',
        query: 'harbour',
        webhook: 'http://127.0.0.1:9/hook',
        secret: 's',
        createdAt: '2026-03-04T10:00:00Z',
      };
      store.alerts.add(alert);
      store.alerts.add({ ...alert, id: 'al2', webhook: undefined });
      expect(store.alerts.list().map((a) => a.id)).toEqual(['al1', 'al2']);
      expect(store.alerts.get('al1')).toEqual(alert);
      const delivery = (id: string, nextAt: string) => ({
        id,
        alertId: 'al1',
        body: '{}',
        attempts: 0,
        nextAt,
        gaveUp: false,
      });
      store.alerts.enqueue(delivery('d1', '2026-03-04T10:00:00Z'));
      store.alerts.enqueue(delivery('d2', '2026-03-04T11:00:00Z'));
      store.alerts.enqueue({ ...delivery('d3', '2026-03-04T10:00:00Z'), alertId: 'gone' });
      expect(store.alerts.pending().map((d) => d.id)).toEqual(['d1', 'd2']);
      expect(store.alerts.due('2026-03-04T10:30:00Z', 10).map((d) => d.id)).toEqual(['d1']);
      store.alerts.settle('d1', {
        delivered: false,
        attempts: 1,
        nextAt: '2026-03-04T12:00:00Z',
        lastError: 'HTTP 500',
        gaveUp: false,
      });
      expect(store.alerts.due('2026-03-04T11:30:00Z', 10).map((d) => d.id)).toEqual(['d2']);
      expect(store.alerts.pending()[0]).toMatchObject({ id: 'd1', attempts: 1, lastError: 'HTTP 500' });
      store.alerts.settle('d2', { delivered: true });
      store.alerts.settle('d1', {
        delivered: false,
        attempts: 8,
        nextAt: '2026-03-04T12:00:00Z',
        lastError: 'HTTP 500',
        gaveUp: true,
      });
      expect(store.alerts.due('2027-01-01T00:00:00Z', 10)).toEqual([]);
      expect(store.alerts.pending().map((d) => [d.id, d.gaveUp])).toEqual([['d1', true]]);
      expect(store.alerts.remove('al1')?.id).toBe('al1');
      expect(store.alerts.pending()).toEqual([]);
      expect(store.alerts.remove('al1')).toBeUndefined();
      store.close();
    });

    it('marks where alerts were matched: from the first alert at the log head, moved with its deliveries, never backwards by another writer', () => {
      const store = factory.open();
      const alert = (id: string) => ({
        id,
        query: 'harbour',
        webhook: 'http://127.0.0.1:9/',
        secret: 's',
        createdAt: '2026-03-04T10:00:00Z',
      });
      store.put(storyArticle('https://example.com/news/before-alerts'));
      const head = store.changes(0).last;
      expect(store.alerts.matchedThrough()).toBeUndefined();
      store.alerts.add(alert('m1'));
      expect(store.alerts.matchedThrough()).toBe(head);
      store.put(otherArticle('https://example.com/news/after-alert', 2));
      const next = store.changes(0).last;
      store.alerts.add(alert('m2')); // another alert does not move the mark: m1 has yet to hear of the new article
      expect(store.alerts.matchedThrough()).toBe(head);
      const delivery = {
        id: 'd1',
        alertId: 'm1',
        body: '{}',
        attempts: 0,
        nextAt: '2026-03-04T10:00:00Z',
        gaveUp: false,
      };
      expect(store.alerts.queueMatched([delivery], head, next)).toBe(true);
      expect(store.alerts.matchedThrough()).toBe(next);
      // A writer that read the old mark queues nothing and leaves the mark where the other writer put it.
      expect(store.alerts.queueMatched([{ ...delivery, id: 'd2' }], head, next)).toBe(false);
      expect(store.alerts.pending().map((d) => d.id)).toEqual(['d1']);
      expect(store.alerts.matchedThrough()).toBe(next);
      store.close();
    });

    it('keeps only the newest given-up deliveries of an alert', () => {
      const store = factory.open();
      store.alerts.add({
        id: 'g',
        query: 'x',
        webhook: 'http://127.0.0.1:9/',
        secret: 's',
        createdAt: '2026-03-04T10:00:00Z',
      });
      for (let i = 0; i < GIVEN_UP_KEPT + 5; i++) {
        const id = `g${String(i).padStart(3, '0')}`;
        store.alerts.enqueue({
          id,
          alertId: 'g',
          body: '{}',
          attempts: 7,
          nextAt: '2026-03-04T10:00:00Z',
          gaveUp: false,
        });
        store.alerts.settle(id, {
          delivered: false,
          attempts: 8,
          nextAt: '2026-03-04T10:00:00Z',
          lastError: 'x',
          gaveUp: true,
        });
      }
      const kept = store.alerts.pending().map((d) => d.id);
      expect(kept).toHaveLength(GIVEN_UP_KEPT);
      expect(kept[0]).toBe('g005');
      store.close();
    });

    it('follows sources: one per URL, found by id or URL, options updated with the state kept, unfollowed', () => {
      const store = factory.open();
      const a = followed('https://feeds.example/a.xml');
      const b = followed('https://feeds.example/b.xml');
      expect(store.sources.follow(a)).toEqual({ source: a, added: true });
      store.sources.follow(b);
      store.sources.saveState(a.id, { ...a.state, polls: 3, etag: '"x"' });
      const again = store.sources.follow({
        ...a,
        id: 'ignored',
        full: true,
        everySeconds: 900,
        addedAt: '2026-05-01T00:00:00.000Z',
      });
      expect(again.added).toBe(false);
      expect(again.source).toMatchObject({
        id: a.id,
        full: true,
        everySeconds: 900,
        addedAt: a.addedAt,
        state: { polls: 3, etag: '"x"' },
      });
      expect(store.sources.list().map((s) => s.url)).toEqual([a.url, b.url]);
      expect(store.sources.get(b.url)?.id).toBe(b.id);
      expect(store.sources.unfollow(a.url)?.id).toBe(a.id);
      store.sources.saveState(a.id, a.state);
      expect(store.sources.list().map((s) => s.id)).toEqual([b.id]);
      store.close();
    });

    it('leases each due source to one worker at a time, in the order followed, and never one not yet due', () => {
      const store = factory.open();
      const urls = Array.from({ length: 5 }, (_, i) => `https://feeds.example/lease-${i}.xml`);
      for (const url of urls) store.sources.follow(followed(url));
      const later = followed('https://feeds.example/later.xml');
      store.sources.follow({ ...later, state: { ...later.state, nextPollAt: LEASE_END } });
      const a = store.sources.lease({ worker: 'a', now: LEASE_NOW, until: LEASE_END, limit: 3 });
      const b = store.sources.lease({ worker: 'b', now: LEASE_NOW, until: LEASE_END, limit: 10 });
      expect(a.map((s) => s.url)).toEqual(urls.slice(0, 3));
      expect(b.map((s) => s.url)).toEqual(urls.slice(3));
      expect(store.sources.lease({ worker: 'c', now: LEASE_NOW, until: LEASE_END, limit: 10 })).toEqual([]);
      // Released with its next poll time, a source is not leased again before that time, then it is.
      const next = { ...a[0]!.state, polls: 1, nextPollAt: '2026-03-04T10:02:00.000Z' };
      expect(store.sources.release(a[0]!.id, 'a', next)).toBe(true);
      expect(store.sources.get(a[0]!.id)?.state).toEqual(next);
      expect(store.sources.lease({ worker: 'c', now: LEASE_NOW, until: LEASE_END, limit: 10 })).toEqual([]);
      const again = store.sources.lease({ worker: 'c', now: next.nextPollAt, until: LEASE_END, limit: 10 });
      expect(again.map((s) => s.id)).toEqual([a[0]!.id]);
      store.close();
    });

    it('lets another worker take a lease that ran out; the stale holder then saves nothing', () => {
      const store = factory.open();
      const s = followed('https://feeds.example/stale.xml');
      store.sources.follow(s);
      expect(store.sources.lease({ worker: 'a', now: LEASE_NOW, until: LEASE_END, limit: 1 })).toHaveLength(
        1,
      );
      expect(store.sources.lease({ worker: 'b', now: LEASE_NOW, until: LEASE_END, limit: 1 })).toEqual([]);
      const taken = store.sources.lease({
        worker: 'b',
        now: LEASE_END,
        until: '2026-03-04T11:00:00.000Z',
        limit: 1,
      });
      expect(taken.map((t) => t.id)).toEqual([s.id]);
      expect(store.sources.release(s.id, 'a', { ...s.state, polls: 9, etag: '"stale"' })).toBe(false);
      expect(store.sources.get(s.id)?.state).toEqual(s.state);
      expect(store.sources.release(s.id, 'b', { ...s.state, polls: 1 })).toBe(true);
      expect(store.sources.get(s.id)?.state.polls).toBe(1);
      // Released once: a second release (a retry) is stale too; an unfollowed source is released by no one.
      expect(store.sources.release(s.id, 'b', { ...s.state, polls: 2 })).toBe(false);
      store.sources.lease({ worker: 'c', now: LEASE_NOW, until: LEASE_END, limit: 1 });
      store.sources.unfollow(s.id);
      expect(store.sources.release(s.id, 'c', s.state)).toBe(false);
      expect(store.sources.list()).toEqual([]);
      store.close();
    });

    it('refuses a lease whose times are not times, rather than a lease that never ends', () => {
      const store = factory.open();
      store.sources.follow(followed('https://feeds.example/times.xml'));
      expect(() => store.sources.lease({ worker: 'a', now: LEASE_NOW, until: 'soon', limit: 1 })).toThrow(
        GazetteError,
      );
      expect(store.sources.lease({ worker: 'a', now: LEASE_NOW, until: LEASE_END, limit: 1 })).toHaveLength(
        1,
      );
      store.close();
    });

    it('adds an article, finds it by id and slug, and counts it', () => {
      const store = factory.open();
      const a = storyArticle('https://example.com/news/bridge');
      expect(store.put(a, { now: '2026-03-04T10:00:00Z' })).toEqual({
        status: 'added',
        id: a.id,
        version: 1,
      });
      expect(store.count()).toBe(1);
      expect(store.get(a.id)).toEqual({ ...a, firstSeenAt: '2026-03-04T10:00:00Z' });
      expect(store.get(a.slug)?.id).toBe(a.id);
      expect(store.get('a_0000000000000000')).toBeUndefined();
      store.close();
    });

    it('dates an article by when it first saw it, kept across updates and unchanged puts', () => {
      const store = factory.open();
      const v1 = { ...storyArticle('https://example.com/news/first-seen') };
      delete v1.publishedAt;
      const v2 = { ...v1, title: `${v1.title} (updated)` };
      store.put(v1, { now: '2026-03-04T10:00:00Z' });
      expect(store.put(v1, { now: '2026-03-06T10:00:00Z' }).status).toBe('unchanged');
      expect(store.put(v2, { now: '2026-03-05T10:00:00Z' }).status).toBe('updated');
      expect(store.get(v1.id)?.firstSeenAt).toBe('2026-03-04T10:00:00Z');
      expect(store.corpus().get(v1.id)?.firstSeenAt).toBe('2026-03-04T10:00:00Z');
      // A time it carries (an export read back) is kept: it was first seen then, elsewhere.
      const exported = {
        ...otherArticle('https://example.com/news/exported'),
        firstSeenAt: '2025-01-02T03:04:05Z',
      };
      store.put(exported, { now: '2026-03-04T10:00:00Z' });
      expect(store.get(exported.id)?.firstSeenAt).toBe('2025-01-02T03:04:05Z');
      store.close();
    });

    it('reports the same article again as unchanged, not a second copy', () => {
      const store = factory.open();
      const a = storyArticle('https://example.com/news/bridge');
      store.put(a);
      expect(store.put(a).status).toBe('unchanged');
      expect(store.count()).toBe(1);
      store.close();
    });

    it('updates a re-ingested article, keeps the previous version, and diffs them', () => {
      const store = factory.open();
      const v1 = storyArticle('https://example.com/news/bridge');
      const v2 = storyArticle(
        'https://example.com/news/bridge',
        [
          ...STORY.slice(0, 3),
          'The council later said the report would be delayed by a month because of a legal review.',
        ],
        'Harbour bridge to close to cars next spring',
      );
      expect(v2.id).toBe(v1.id);
      store.put(v1, { now: '2026-03-04T10:00:00Z' });
      expect(store.put(v2, { now: '2026-03-05T10:00:00Z' })).toEqual({
        status: 'updated',
        id: v1.id,
        version: 2,
      });
      expect(store.count()).toBe(1);
      expect(store.get(v1.id)?.title).toBe(v2.title);
      const versions = store.versions(v1.id);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0]!.article.title).toBe(v1.title);
      expect(versions[1]!.savedAt).toBe('2026-03-05T10:00:00Z');
      const diff = store.diff(v1.id)!;
      expect(diff.from).toBe(1);
      expect(diff.to).toBe(2);
      expect(diff.fields.map((f) => f.field)).toContain('title');
      expect(diff.removed).toEqual([STORY[3]]);
      expect(diff.added).toHaveLength(1);
      store.close();
    });

    it('links the same story from another URL as a duplicate instead of storing it twice', () => {
      const store = factory.open();
      const a = storyArticle('https://example.com/news/bridge');
      // The same story syndicated elsewhere: another URL, one word changed.
      const b = storyArticle('https://mirror.example.org/bridge-story', [
        STORY[0]!,
        STORY[1]!.replace('free', 'subsidised'),
        ...STORY.slice(2),
      ]);
      const c = otherArticle('https://example.com/science/comets');
      store.put(a);
      const r = store.put(b);
      expect(r.status).toBe('duplicate');
      expect(r.duplicateOf).toBe(a.id);
      expect(store.put(c).status).toBe('added');
      expect(store.count()).toBe(2);
      expect(store.get(b.id)).toBeUndefined();
      expect(store.duplicates(a.id)).toEqual([
        expect.objectContaining({
          id: b.id,
          duplicateOf: a.id,
          url: 'https://mirror.example.org/bridge-story',
        }),
      ]);
      expect(store.duplicates(c.id)).toEqual([]);
      // Seen again, it is still one link.
      expect(store.put(b).status).toBe('duplicate');
      expect(store.duplicates()).toHaveLength(1);
      store.close();
    });

    it('never takes distinct items with empty or short bodies for near-duplicates', () => {
      const store = factory.open();
      const items = [0, 1, 2].map((n) => shortItem(n, ''));
      const links = [3, 4, 5].map((n) => shortItem(n, 'submitted by a reader [link] [comments]'));
      const results = store.putMany([...items, ...links]);
      expect(results.map((r) => r.status)).toEqual(Array(6).fill('added'));
      expect(store.count()).toBe(6);
      expect(store.duplicates()).toEqual([]);
      store.close();
    });

    it('does not link a differently titled item as a duplicate on its body alone', () => {
      const store = factory.open();
      store.put(storyArticle('https://example.com/news/bridge'));
      // The same long body under another item's title (a feed repeating boilerplate): another item.
      const other = storyArticle(
        'https://example.com/news/budget',
        STORY,
        'Council approves the school budget',
      );
      expect(store.put(other).status).toBe('added');
      // A reworded headline over the same body is still the same story.
      const reworded = storyArticle(
        'https://mirror.example.org/b',
        STORY,
        'Harbour bridge will close to cars',
      );
      expect(store.put(reworded).status).toBe('duplicate');
      store.close();
    });

    it('stores a batch all or nothing: one invalid article stores none', () => {
      const store = factory.open();
      const good = otherArticle('https://example.com/science/1', 1);
      const bad = { ...otherArticle('https://example.com/science/2', 2), title: '' } as Article;
      expect(() => store.putMany([good, bad])).toThrow(GazetteError);
      expect(store.count()).toBe(0);
      const results = store.putMany([good, otherArticle('https://example.com/science/3', 3)]);
      expect(results.map((r) => r.status)).toEqual(['added', 'added']);
      expect(store.count()).toBe(2);
      store.close();
    });

    it('changes its revision when an article is added or updated, and only then', () => {
      const store = factory.open();
      const r0 = store.revision();
      const a = storyArticle('https://example.com/news/bridge');
      store.put(a);
      const r1 = store.revision();
      expect(r1).not.toBe(r0);
      store.put(a);
      expect(store.revision()).toBe(r1);
      store.put(
        storyArticle('https://example.com/news/bridge', [...STORY, 'A new paragraph was added later.']),
      );
      expect(store.revision()).not.toBe(r1);
      store.close();
    });

    it('has an identity, made with it', () => {
      const store = factory.open();
      expect(store.identity()).toMatch(/^[\w-]{16,}$/);
      store.close();
    });

    it('hands the apps a Corpus over what it holds', () => {
      const store = factory.open();
      const a = storyArticle('https://example.com/news/bridge');
      const c = otherArticle('https://example.com/science/comets');
      store.putMany([a, c]);
      const corpus = store.corpus();
      expect(corpus.size).toBe(2);
      expect(corpus.get(a.slug)?.id).toBe(a.id);
      expect(
        corpus
          .search({ q: c.body[0]!.text.split(' ')[1]! } as Parameters<typeof corpus.search>[0])
          .hits.map((h) => h.id),
      ).toEqual([c.id]);
      store.put(otherArticle('https://example.com/science/more', 7));
      expect(store.corpus().size).toBe(3);
      expect(
        store
          .list()
          .map((x) => x.id)
          .slice(0, 2),
      ).toEqual([a.id, c.id]);
      expect([...store.iterate()]).toEqual(store.list());
      store.close();
    });

    if (factory.another) {
      const another = factory.another;
      it('decides a near-duplicate against what another writer has committed since it opened', () => {
        const first = factory.open();
        const second = another();
        first.put(storyArticle('https://example.com/news/bridge'));
        const copy = storyArticle('https://mirror.example.org/bridge-story');
        expect(second.put(copy).status).toBe('duplicate');
        expect(second.count()).toBe(1);
        // Its corpus follows what the other writer commits after it was built.
        expect(second.corpus().size).toBe(1);
        first.put(otherArticle('https://example.com/science/comets'));
        expect(second.corpus().size).toBe(2);
        first.close();
        second.close();
      });
    }

    if (factory.reopen) {
      const reopen = factory.reopen;
      it('never leases one source to two handles on the store, and ends a lease for both', () => {
        const first = factory.open();
        const second = factory.another!();
        const urls = Array.from({ length: 6 }, (_, i) => `https://feeds.example/shared-${i}.xml`);
        for (const url of urls) first.sources.follow(followed(url));
        const taken = [first, second, first, second].flatMap((store, i) =>
          store.sources.lease({ worker: `w${i % 2}`, now: LEASE_NOW, until: LEASE_END, limit: 2 }),
        );
        expect(taken.map((s) => s.url).sort()).toEqual([...urls].sort());
        const mine = second.sources.lease({
          worker: 'w0',
          now: LEASE_END,
          until: '2026-03-04T11:00:00.000Z',
          limit: 1,
        });
        expect(first.sources.release(mine[0]!.id, 'w1', mine[0]!.state)).toBe(false);
        expect(first.sources.release(mine[0]!.id, 'w0', { ...mine[0]!.state, polls: 4 })).toBe(true);
        expect(second.sources.get(mine[0]!.id)?.state.polls).toBe(4);
        second.close();
        first.close();
      });

      it('keeps everything across close and reopen', () => {
        const store = factory.open();
        const a = storyArticle('https://example.com/news/bridge');
        const b = storyArticle('https://mirror.example.org/bridge-story');
        store.put(a, { now: '2026-03-04T10:00:00Z' });
        store.put(b);
        store.close();
        const again = reopen();
        expect(again.get(a.id)).toEqual({ ...a, firstSeenAt: '2026-03-04T10:00:00Z' });
        expect(again.duplicates(a.id)).toHaveLength(1);
        // The fingerprint index is rebuilt on open: the duplicate is still recognised.
        expect(again.put(storyArticle('https://third.example.net/bridge')).status).toBe('duplicate');
        again.close();
      });

      it('keeps its followed sources, alerts and deliveries across close and reopen', () => {
        const store = factory.open();
        store.alerts.add({
          id: 'kept',
          query: 'bridge',
          secret: 's',
          createdAt: '2026-03-04T10:00:00Z',
          webhook: 'http://127.0.0.1:9/',
        });
        store.alerts.enqueue({
          id: 'dk',
          alertId: 'kept',
          body: '{"a":1}',
          attempts: 2,
          nextAt: '2026-03-04T10:00:00Z',
          gaveUp: false,
        });
        const source = followed('https://feeds.example/durable.xml');
        store.sources.follow(source);
        store.sources.saveState(source.id, { ...source.state, etag: '"e1"', failures: 2 });
        store.close();
        const again = reopen();
        expect(again.sources.get(source.id)?.state).toMatchObject({ etag: '"e1"', failures: 2 });
        expect(again.alerts.get('kept')?.query).toBe('bridge');
        expect(again.alerts.pending()).toMatchObject([{ id: 'dk', body: '{"a":1}', attempts: 2 }]);
        again.close();
      });

      it('keeps its identity across close and reopen; another store has another', () => {
        const store = factory.open();
        const identity = store.identity();
        store.close();
        const again = reopen();
        expect(again.identity()).toBe(identity);
        again.close();
        const other = factory.open();
        expect(other.identity()).not.toBe(identity);
        other.close();
      });
    }
  });
}
