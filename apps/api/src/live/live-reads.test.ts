import { ChangesResultSchema, LiveVersionSchema, SearchResultSchema } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { liveMemoryStore, newsArticle } from '../test-support/live-store';

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { status: number; detail: string; parameter?: string; type: string };
};

describe('reads over a live corpus', () => {
  it('answers from the corpus as of each request: a new article is found by the next search', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour')]);
    const app = createApp({ ...s.deps });
    const before = SearchResultSchema.parse(await (await app.request('/v1/search?q=glacier')).json());
    expect(before.total).toBe(0);
    s.add([newsArticle(2, 'glacier')]);
    // The same target again: the fast path must not answer it from the older version's cache.
    const after = SearchResultSchema.parse(await (await app.request('/v1/search?q=glacier')).json());
    expect(after.hits.map((h) => h.id)).toEqual([newsArticle(2, 'glacier').id]);
    expect(after).toEqual(s.live.corpus().search({ q: 'glacier' }));
    const listed = await (await app.request('/v1/articles')).json();
    expect(listed.total).toBe(2);
  });

  it('keeps 304s while an answer is unchanged, and a new body (new ETag) once a change alters it', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour')]);
    const app = createApp({ ...s.deps });
    const path = `/v1/articles/${newsArticle(1, 'harbour').id}`;
    const first = await app.request(path);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    s.add([newsArticle(2, 'unrelated')]); // a new version, under which this article reads the same
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    s.add([{ ...newsArticle(1, 'harbour'), title: 'harbour update, corrected' }]);
    const changed = await app.request(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).title).toBe('harbour update, corrected');
  });

  it('keeps the feed of a query current', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour')]);
    const app = createApp({ ...s.deps, now: () => '2026-12-03T09:00:00.000Z' });
    const before = await (await app.request('/v1/feed.atom?q=glacier')).text();
    expect(before).not.toContain('<entry>');
    s.add([newsArticle(2, 'glacier')]);
    const after = await (await app.request('/v1/feed.atom?q=glacier')).text();
    expect(after).toContain('glacier update number 2');
  });

  it('serves a fixed corpus as before, with the shared-cache lifetime', async () => {
    const res = await createApp({ corpus: fixtureCorpus() }).request('/v1/search?q=budget');
    expect(res.headers.get('cache-control')).toMatch(/max-age=60/);
  });
});

describe('/healthz', () => {
  it('reports the live version and counts, moving with each change', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour')]);
    const app = createApp({ ...s.deps });
    const one = await (await app.request('/healthz')).json();
    expect(one).toMatchObject({ status: 'ok', articles: 1, corpus: 'live' });
    expect(LiveVersionSchema.parse(one.version)).toEqual(s.live.version());
    s.add([newsArticle(2, 'glacier'), newsArticle(3, 'glacier')]);
    const three = await (await app.request('/healthz')).json();
    expect(three.articles).toBe(3);
    expect(three.version).toMatchObject({ seq: 3, articles: 3, segments: 2 });
  });

  it('says a bundled corpus is served when there is no live source', async () => {
    const body = await (await createApp({ corpus: fixtureCorpus() }).request('/healthz')).json();
    expect(body).toMatchObject({ status: 'ok', articles: 3, corpus: 'bundled' });
    expect(body.version).toBeUndefined();
    expect(body.detail).toMatch(/bundled corpus/);
  });
});

describe('GET /v1/changes', () => {
  it('pages through what was added or updated, oldest first, with the cursor to ask next', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour'), newsArticle(2, 'glacier')]);
    const app = createApp({ ...s.deps });
    const first = ChangesResultSchema.parse(await (await app.request('/v1/changes?limit=1')).json());
    expect(first.changes.map((c) => [c.seq, c.id, c.kind])).toEqual([
      [1, newsArticle(1, 'harbour').id, 'added'],
    ]);
    const second = ChangesResultSchema.parse(
      await (await app.request(`/v1/changes?since=${first.nextCursor}&limit=10`)).json(),
    );
    expect(second.changes.map((c) => c.seq)).toEqual([2]);
    const empty = ChangesResultSchema.parse(
      await (await app.request(`/v1/changes?since=${second.nextCursor}`)).json(),
    );
    expect(empty.changes).toEqual([]);
    expect(empty.nextCursor).toBe(second.nextCursor);
    const updated = { ...newsArticle(2, 'glacier'), title: 'glacier update, corrected' };
    s.add([updated]);
    const next = ChangesResultSchema.parse(
      await (await app.request(`/v1/changes?since=${empty.nextCursor}`)).json(),
    );
    expect(next.changes.map((c) => [c.seq, c.id, c.kind, c.version])).toEqual([
      [3, updated.id, 'updated', 2],
    ]);
    expect(next.version).toEqual(s.live.version());
  });

  it('refuses a cursor that is not one, or that is ahead of the store, and a page too large, naming the parameter', async () => {
    const s = liveMemoryStore([newsArticle(1, 'harbour')]);
    const app = createApp({ ...s.deps });
    for (const [path, parameter] of [
      ['/v1/changes?since=abc', 'since'],
      ['/v1/changes?since=-1', 'since'],
      ['/v1/changes?since=99', 'since'],
      ['/v1/changes?limit=1001', 'limit'],
      ['/v1/changes?limit=0', 'limit'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect((await problemOf(res)).parameter, path).toBe(parameter);
    }
  });

  it('answers 501 on a server that serves a bundled corpus', async () => {
    const res = await createApp({ corpus: fixtureCorpus() }).request('/v1/changes');
    expect(res.status).toBe(501);
    expect((await problemOf(res)).detail).toMatch(/bundled corpus.*no change log/);
  });
});
