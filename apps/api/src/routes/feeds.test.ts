import type { Corpus } from '@gazette/core';
import { createMemoryStore } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { atomProblems, jsonFeedProblems } from '../../../../packages/core/test-support/feed-validity';
import { createApp } from '../app';
import { fixtureArticles, fixtureCorpus } from '../test-support/fixture-corpus';

/** The fixture corpus, counting the calls made to each of its query functions. */
function countingCorpus(): { corpus: Corpus; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const corpus = new Proxy(fixtureCorpus(), {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { corpus, calls };
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((n, c) => n + c, 0);

describe('feeds', () => {
  it('lists the query matches newest first without a search (no snippets made)', async () => {
    const { corpus, calls } = countingCorpus();
    const app = createApp({ corpus });
    const feed = (await (await app.request('/v1/feed.json?q=budget OR cup')).json()) as {
      items: { id: string }[];
    };
    expect(calls.search ?? 0).toBe(0);
    const want = fixtureCorpus().search({ q: 'budget OR cup', sort: 'newest' });
    expect(want.total).toBeGreaterThan(1);
    expect(feed.items.map((i) => i.id)).toEqual(want.hits.map((h) => h.id));
  });

  it('are cached reads: a repeated feed, however spelled, costs no query, with its ETag and 304', async () => {
    const { corpus, calls } = countingCorpus();
    const app = createApp({ corpus });
    for (const path of ['/v1/feed.atom', '/v1/feed.json']) {
      const first = await app.request(`${path}?q=budget&limit=5`);
      const body = await first.text();
      const before = total(calls);
      expect(before).toBeGreaterThan(0);
      for (const again of [
        `${path}?q=budget&limit=5`,
        `${path}?limit=5&q=budget`,
        `${path}?q=budget&limit=5&`,
      ]) {
        const res = await app.request(again);
        expect(res.status, again).toBe(200);
        expect(res.headers.get('content-type')).toBe(first.headers.get('content-type'));
        expect(res.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(await res.text()).toBe(body);
      }
      const etag = first.headers.get('etag')!;
      expect(
        (await app.request(`${path}?q=budget&limit=5`, { headers: { 'if-none-match': etag } })).status,
      ).toBe(304);
      expect(total(calls), path).toBe(before);
    }
    expect(app.readCacheStats().hits).toBeGreaterThanOrEqual(8);
  });

  it('links to GAZETTE_PUBLIC_URL, else relative: never to the Host header or an absolute-form URL', async () => {
    const noUrl = fixtureArticles().find((a) => !a.url);
    expect(noUrl, 'the fixture has an article without a URL of its own').toBeDefined();
    const hostile = { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } };
    for (const publicUrl of [undefined, 'https://news.example/api/']) {
      const app = createApp({ corpus: fixtureCorpus(), ...(publicUrl ? { publicUrl } : {}) });
      const base = publicUrl ? 'https://news.example/api' : '';
      // The first request of each feed poisons nothing: a later one from elsewhere gets the same links.
      for (const url of ['http://evil.example/v1/feed.atom?q=budget', '/v1/feed.atom?q=budget']) {
        const atom = await (await app.request(url, hostile)).text();
        expect(atom).not.toContain('evil.example');
        expect(atom).toContain(
          `<link rel="self" href="${base}/v1/feed.atom?q=budget" type="application/atom+xml"/>`,
        );
        expect(atom).toContain(
          publicUrl ? `<id>${base}/v1/feed.atom?q=budget</id>` : '<id>urn:gazette:feed:',
        );
      }
      const json = (await (await app.request('http://evil.example/v1/feed.json', hostile)).json()) as {
        feed_url: string;
        items: { id: string; url: string }[];
      };
      // JSON Feed URLs are absolute: without a public URL the optional feed_url is left out.
      if (publicUrl) expect(json.feed_url).toBe(`${base}/v1/feed.json`);
      else expect(json).not.toHaveProperty('feed_url');
      expect(json.items.find((i) => i.id === noUrl!.id)!.url).toBe(`${base}/v1/articles/${noUrl!.id}`);
      expect(JSON.stringify(json)).not.toContain('evil.example');
    }
  });

  // Issue 14: the API's Atom had no <updated> and no <author> for an undated article; strict readers refuse it.
  it('are valid Atom 1.0 and JSON Feed 1.1 over dated and undated articles, with no invented date', async () => {
    const now = '2026-12-03T09:00:00.000Z';
    const app = createApp({ corpus: fixtureCorpus(), now: () => now });
    const undated = fixtureArticles().find((a) => !a.publishedAt && !a.updatedAt)!;
    expect(undated, 'the fixture has an undated article').toBeDefined();
    const atom = await (await app.request('/v1/feed.atom')).text();
    expect(atomProblems(atom)).toEqual([]);
    const entry = atom.split('<entry>').find((e) => e.includes(undated.id))!;
    expect(entry).toContain(`<updated>${now}</updated>`);
    expect(entry).not.toContain('<published>');
    expect(entry).toContain(`href="/v1/articles/${undated.id}" type="application/json"`);
    expect(jsonFeedProblems(await (await app.request('/v1/feed.json')).json())).toEqual([]);
  });

  it('date an undated stored article by when the store first saw it', async () => {
    const store = createMemoryStore();
    store.putMany(fixtureArticles(), { now: '2025-01-02T03:04:05Z' });
    const app = createApp({ corpus: store.corpus(), now: () => '2026-12-03T09:00:00.000Z' });
    const atom = await (await app.request('/v1/feed.atom')).text();
    expect(atomProblems(atom)).toEqual([]);
    expect(atom).toContain('<updated>2025-01-02T03:04:05Z</updated>');
    expect(atom).not.toContain('2026-12-03');
  });
});
