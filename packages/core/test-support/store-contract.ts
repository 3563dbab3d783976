import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/errors/gazette-error';
import type { Article } from '../src/model/article-schema';
import { STORE_LIMITS } from '../src/store/store-limits';
import type { ArticleStore } from '../src/store/store-types';
import type { FollowedSource } from '../src/follow/followed-source-schema';
import { initialState } from '../src/follow/poll-schedule';
import { sourceId } from '../src/follow/source-id';
import { parseText } from '../src/formats/text/parse-text';

export const STORY = [
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

/** An article whose title holds `chars` more characters: the only field inflated, so its stored size is known. */
export function largeArticle(n: number, chars: number): Article {
  return { ...otherArticle(`https://example.com/big/${n}`, n), title: `Big ${'w'.repeat(chars)}` };
}

/** Articles each under STORE_LIMITS.articleChars (by a tenth), together just over STORE_LIMITS.batchChars. */
export function batchOverLimit(): Article[] {
  const title = largeArticle(0, Math.floor(STORE_LIMITS.articleChars * 0.9)).title;
  const size = JSON.stringify(largeArticle(0, title.length)).length;
  return Array.from({ length: Math.floor(STORE_LIMITS.batchChars / size) + 1 }, (_, i) => ({
    ...largeArticle(10 + i, 0),
    title,
  }));
}

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): ArticleStore;
  /** A second handle on the store last opened, open at the same time (another writer); absent for memory. */
  another?: () => ArticleStore;
}

/** A feed-like item: its own title and URL, and a body of a few words (or none). */
export function shortItem(n: number, body: string): Article {
  const a = parseText(body || 'x', {
    title: `Item number ${n} of the feed: ${WORDS[n]} news`,
    url: `https://feed.example/${n}`,
  });
  return body ? a : { ...a, body: [], wordCount: 0 };
}

/** A followed source as `follow` makes it. */
export function followed(url: string): FollowedSource {
  const now = '2026-03-04T10:00:00.000Z';
  return { id: sourceId(url), url, full: false, addedAt: now, state: initialState(now) };
}

const LEASE_NOW = '2026-03-04T10:00:00.000Z';
const LEASE_END = '2026-03-04T10:05:00.000Z';

/**
 * What a synchronous store has besides the behaviour every store shares (`asyncStoreContract`, which each
 * backend's test file also runs, through `asAsyncStore`): the corpus it hands the apps, kept current.
 */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`ArticleStore contract: ${name}`, () => {
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
  });
}
