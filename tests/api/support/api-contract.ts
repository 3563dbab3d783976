import { remoteCorpus } from '@gazette/api/client';
import { ArticleSchema } from '@gazette/core';
import {
  EntityDetailSchema,
  EntityListResultSchema,
  FacetsSchema,
  ListResultSchema,
  QuoteListResultSchema,
  RelatedResultSchema,
  SearchResultSchema,
  TimelineResultSchema,
} from '@gazette/core/query';
import { Validator } from '@seriousme/openapi-schema-validator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomProblems, jsonFeedProblems } from '../../../packages/core/test-support/feed-validity';
import type { RunningApi } from './start-api';

/** A value that must never come back in a response: it is not valid anywhere, so every echo is a leak. */
const MARKER = 'zq"<script>alert(1)</script>';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  parameter?: string;
  requestId?: string;
}

/**
 * The HTTP contract of the Gazette API, run over real HTTP against a running server. The same suite runs
 * against the Node server and the workerd build, which serve the built-in corpus, and against Node servers
 * over a store (`GAZETTE_DB`: SQLite, PostgreSQL) holding the built-in corpus's articles (`live`).
 */
export function apiContract(
  runtime: string,
  start: () => Promise<RunningApi>,
  options: { live?: boolean } = {},
): void {
  describe(`API contract on ${runtime}`, () => {
    // A fixed corpus's reads may be cached a while; a live one's are revalidated every time (it moves on).
    const readCaching = options.live ? /^public, no-cache$/ : /^public, max-age=\d+/;
    let api: RunningApi;
    const get = (path: string, init?: RequestInit) => fetch(`${api.url}${path}`, init);
    const json = async <T = unknown>(path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      return (await res.json()) as T;
    };
    async function expectProblem(res: Response, status: number, parameter?: string): Promise<Problem> {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const text = await res.text();
      expect(text).not.toContain('script');
      expect(text).not.toMatch(/at \S+ \(|\.ts:\d+/); // no stack trace
      const body = JSON.parse(text) as Problem;
      expect(body).toMatchObject({ status });
      expect(body.type).toMatch(/\S/);
      expect(body.title).toMatch(/\S/);
      expect(body.detail).toMatch(/\S/);
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
      if (parameter) expect(body.parameter).toBe(parameter);
      return body;
    }

    beforeAll(async () => {
      api = await start();
    });
    afterAll(async () => {
      await api?.stop();
    });

    it('is alive and serves the built-in corpus', async () => {
      const health = await json<{ status: string; articles: number }>('/healthz');
      expect(health.status).toBe('ok');
      expect(health.articles).toBeGreaterThan(0);
      const list = ListResultSchema.parse(await json('/v1/articles'));
      expect(list.total).toBe(health.articles);
    });

    if (!options.live)
      it('says it serves a bundled corpus, and answers the live routes 501 saying so', async () => {
        const health = await json<{ corpus: string; detail?: string; version?: unknown }>('/healthz');
        expect(health.corpus).toBe('bundled');
        expect(health.detail).toMatch(/bundled corpus/);
        expect(health.version).toBeUndefined();
        for (const path of ['/v1/changes', '/v1/stream?q=news', '/v1/alerts/a1/feed.atom'])
          expect((await expectProblem(await get(path), 501)).detail, path).toMatch(/store/);
      });
    else
      it("says it follows its store, lists the store's changes, and answers an unknown alert 404", async () => {
        const health = await json<{
          corpus: string;
          store?: string;
          articles: number;
          version?: { articles: number };
        }>('/healthz');
        expect(health.corpus).toBe('live');
        expect(health.store).toBe('reachable');
        expect(health.version?.articles).toBe(health.articles);
        const page = await json<{ changes: Array<{ id: string; kind: string }> }>('/v1/changes?limit=100');
        const listed = ListResultSchema.parse(await json('/v1/articles?limit=100'));
        expect(page.changes.map((c) => c.id).sort()).toEqual(listed.items.map((a) => a.id).sort());
        await expectProblem(await get(`/v1/changes?since=${encodeURIComponent(MARKER)}`), 400, 'since');
        await expectProblem(await get('/v1/alerts/no-such-alert/feed.atom'), 404);
      });

    it('lists with filters, sort and a page size, and refuses bad ones', async () => {
      const all = ListResultSchema.parse(await json('/v1/articles?sort=oldest&limit=100'));
      const language = all.items[0]!.language;
      const filtered = ListResultSchema.parse(await json(`/v1/articles?language=${language}`));
      expect(filtered.items.every((a) => a.language === language)).toBe(true);
      const none = ListResultSchema.parse(await json('/v1/articles?section=no-such-section-anywhere'));
      expect(none).toEqual({ total: 0, items: [], nextCursor: null });
      await expectProblem(await get('/v1/articles?limit=0'), 400, 'limit');
      await expectProblem(await get('/v1/articles?limit=101'), 400, 'limit');
      await expectProblem(await get(`/v1/articles?limit=${encodeURIComponent(MARKER)}`), 400, 'limit');
      await expectProblem(await get(`/v1/articles?sort=${encodeURIComponent(MARKER)}`), 400, 'sort');
      await expectProblem(await get(`/v1/articles?after=${encodeURIComponent(MARKER)}`), 400, 'after');
    });

    it('refuses a forged, foreign or oversized cursor', async () => {
      await expectProblem(await get(`/v1/articles?cursor=${encodeURIComponent(MARKER)}`), 400, 'cursor');
      const deep = btoa(JSON.stringify({ o: 1e9, f: 'x' })).replace(/=+$/, '');
      await expectProblem(await get(`/v1/articles?cursor=${deep}`), 400, 'cursor');
      await expectProblem(await get(`/v1/articles?cursor=${'a'.repeat(600)}`), 400, 'cursor');
    });

    it('gets an article by id and by slug, its related articles, and 404 for an unknown one', async () => {
      const [first] = ListResultSchema.parse(await json('/v1/articles?limit=1')).items;
      const byId = ArticleSchema.parse(await json(`/v1/articles/${first!.id}`));
      const bySlug = ArticleSchema.parse(await json(`/v1/articles/${first!.slug}`));
      expect(bySlug).toEqual(byId);
      expect(byId.title).toBe(first!.title);
      RelatedResultSchema.parse(await json(`/v1/articles/${first!.id}/related`));
      await expectProblem(await get(`/v1/articles/${encodeURIComponent(MARKER)}`), 404);
      await expectProblem(await get(`/v1/articles/${encodeURIComponent(MARKER)}/related`), 404);
    });

    it('searches with the core result: hits, snippets with in-bounds highlights, facets', async () => {
      const [first] = ListResultSchema.parse(await json('/v1/articles?limit=1')).items;
      const word = first!.title.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w))!;
      const result = SearchResultSchema.parse(
        await json(`/v1/search?q=${encodeURIComponent(word)}&facets=language`),
      );
      expect(result.hits.map((h) => h.id)).toContain(first!.id);
      for (const hit of result.hits)
        for (const s of hit.snippets)
          for (const h of s.highlights) {
            expect(h.start).toBeGreaterThanOrEqual(0);
            expect(h.end).toBeLessThanOrEqual(s.text.length);
            expect(h.start).toBeLessThan(h.end);
          }
      expect(result.facets.language?.some((f) => f.value === first!.language)).toBe(true);
      FacetsSchema.parse(await json('/v1/facets?facets=language'));
    });

    it('limits the query: length, number of terms, facet names', async () => {
      await expectProblem(await get(`/v1/search?q=${'a'.repeat(1001)}`), 400, 'q');
      await expectProblem(await get(`/v1/search?q=${Array(33).fill('w').join('%20')}`), 400, 'q');
      await expectProblem(await get(`/v1/search?q=x&facets=${encodeURIComponent(MARKER)}`), 400, 'facets');
      await expectProblem(await get(`/v1/search?q=x&sort=${encodeURIComponent(MARKER)}`), 400, 'sort');
      await expectProblem(await get('/v1/search'), 400, 'q');
    });

    it('/v1/quotes?speaker=Macron matches any alias of the speaking entity, as its id does (issue 18)', async () => {
      const byId = QuoteListResultSchema.parse(
        await json('/v1/quotes?speaker=person%3Aemmanuel-macron&limit=50'),
      );
      expect(byId.total).toBeGreaterThan(0);
      const byAlias = QuoteListResultSchema.parse(await json('/v1/quotes?speaker=Macron&limit=50'));
      expect(byAlias.total).toBe(byId.total);
      expect(byAlias.items.map((q) => q.text)).toEqual(byId.items.map((q) => q.text));
    });

    it('answers entities, quotes and timelines in the core shapes', async () => {
      const entities = EntityListResultSchema.parse(await json('/v1/entities?limit=5'));
      if (entities.items[0])
        EntityDetailSchema.parse(await json(`/v1/entities/${encodeURIComponent(entities.items[0].id)}`));
      await expectProblem(await get(`/v1/entities/${encodeURIComponent(MARKER)}`), 404);
      await expectProblem(await get('/v1/entities?type=robot'), 400, 'type');
      QuoteListResultSchema.parse(await json('/v1/quotes?limit=5'));
      const health = await json<{ articles: number }>('/healthz');
      for (const interval of ['day', 'week', 'month']) {
        const tl = TimelineResultSchema.parse(await json(`/v1/timeline?interval=${interval}`));
        expect(tl.interval).toBe(interval);
        expect(tl.total).toBe(health.articles);
        expect(tl.buckets.reduce((n, b) => n + b.count, 0) + tl.undated).toBe(tl.total);
      }
      await expectProblem(await get('/v1/timeline?interval=year'), 400, 'interval');
    });

    it('serves Atom and JSON Feed of a query, escaped', async () => {
      const [first] = ListResultSchema.parse(await json('/v1/articles?limit=1')).items;
      const atom = await get(`/v1/feed.atom?q=${encodeURIComponent(`${first!.title.split(' ')[0]} <b>`)}`);
      expect(atom.status).toBe(200);
      expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const xml = await atom.text();
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
      );
      expect(xml).not.toContain('<b>');
      // Issue 14: over an undated article (the built-in one) the Atom had no <updated> and no <author>.
      expect(atomProblems(await (await get('/v1/feed.atom')).text())).toEqual([]);
      const feed = await get('/v1/feed.json');
      expect(feed.headers.get('content-type')).toMatch(/^application\/feed\+json/);
      const body = (await feed.json()) as { version: string; items: Array<{ id: string; title: string }> };
      expect(body.version).toBe('https://jsonfeed.org/version/1.1');
      expect(jsonFeedProblems(body)).toEqual([]);
      expect(body.items.map((i) => i.id)).toContain(first!.id);
      await expectProblem(await get('/v1/feed.json?limit=1000'), 400, 'limit');
    });

    it('validates ETags: 304 for a current copy, 200 for a changed query; Cache-Control on reads', async () => {
      for (const path of ['/v1/articles', '/v1/search?q=the', '/v1/feed.atom', '/openapi.json']) {
        const res = await get(path);
        const etag = res.headers.get('etag');
        expect(etag, path).toMatch(/^(W\/)?"[^"]+"$/);
        // The document describes the server, not the corpus: cached a while even over a live one.
        const caching = path === '/openapi.json' ? /^public, max-age=\d+/ : readCaching;
        expect(res.headers.get('cache-control'), path).toMatch(caching);
        const again = await get(path, { headers: { 'if-none-match': etag! } });
        expect(again.status, path).toBe(304);
        expect(await again.text()).toBe('');
      }
      const other = await get('/v1/articles?section=no-such-section-anywhere', {
        headers: { 'if-none-match': (await get('/v1/articles')).headers.get('etag')! },
      });
      expect(other.status).toBe(200);
    });

    it('answers HEAD like GET, without a body', async () => {
      const head = await get('/v1/articles', { method: 'HEAD' });
      expect(head.status).toBe(200);
      // Compression weakens the GET's tag (W/); the validator is the same.
      const bare = (tag: string | null) => tag?.replace(/^W\//, '');
      expect(bare(head.headers.get('etag'))).toBe(bare((await get('/v1/articles')).headers.get('etag')));
      expect(await head.text()).toBe('');
    });

    it('answers a repeated read (served from its cache) exactly as the first time', async () => {
      const { items } = await json<{ items: Array<{ id: string; title: string }> }>('/v1/articles?limit=1');
      const word = items[0]!.title.split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w)) ?? 'the';
      const headersOf = (res: Response) => {
        const h = Object.fromEntries(res.headers);
        for (const k of ['x-request-id', 'date', 'content-length', 'connection', 'keep-alive']) delete h[k];
        return h;
      };
      for (const path of [`/v1/articles/${items[0]!.id}`, `/v1/search?q=${encodeURIComponent(word)}`]) {
        const first = await get(path, { headers: { 'x-request-id': 'first-1' } });
        const firstBody = await first.text();
        for (let i = 0; i < 3; i++) {
          const again = await get(path, { headers: { 'x-request-id': `again-${i}` } });
          expect(again.status, path).toBe(200);
          expect(await again.text(), path).toBe(firstBody);
          expect(headersOf(again), path).toEqual(headersOf(first));
          expect(again.headers.get('x-request-id')).toBe(`again-${i}`);
          expect(again.headers.get('x-content-type-options')).toBe('nosniff');
          expect(again.headers.get('access-control-allow-origin')).toBe('*');
        }
        const unchanged = await get(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
        expect(unchanged.status, path).toBe(304);
        expect(unchanged.headers.get('etag')?.replace(/^W\//, '')).toBe(
          first.headers.get('etag')?.replace(/^W\//, ''),
        );
        expect(unchanged.headers.get('cache-control')).toMatch(readCaching);
        expect(unchanged.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
      }
    });

    it('allows cross-origin reads without credentials, and answers preflights', async () => {
      const res = await get('/v1/articles', { headers: { origin: 'https://reader.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toMatch(/etag/i);
      const pre = await get('/v1/search', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://reader.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/GET/);
    });

    it('sends secure headers and request ids, keeping a sane incoming id', async () => {
      const res = await get('/v1/articles', { headers: { 'x-request-id': 'trace-abc-123' } });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
      const fresh = await get('/v1/articles');
      expect(fresh.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
      const bad = await get('/v1/articles', { headers: { 'x-request-id': 'no spaces <allowed>' } });
      expect(bad.headers.get('x-request-id')).not.toContain('<');
    });

    it('answers 404, 405, 414 as problems', async () => {
      await expectProblem(await get(`/v2/${encodeURIComponent(MARKER)}`), 404);
      const del = await get('/v1/articles', { method: 'DELETE' });
      expect(del.headers.get('allow')).toMatch(/GET/);
      await expectProblem(del, 405);
      await expectProblem(await get('/v1/articles', { method: 'PUT', body: 'x' }), 405);
      await expectProblem(await get(`/v1/articles?tag=${'t'.repeat(5000)}`), 414);
    });

    it('takes search parameters as JSON: 200, and 415, 413, 400 for bad bodies', async () => {
      const post = (body: string, type = 'application/json') =>
        get('/v1/search', { method: 'POST', headers: { 'content-type': type }, body });
      const ok = await post(JSON.stringify({ q: 'the', limit: 2 }));
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const viaGet = SearchResultSchema.parse(await json('/v1/search?q=the&limit=2'));
      expect(SearchResultSchema.parse(await ok.json())).toEqual(viaGet);
      await expectProblem(await post('q=the', 'application/x-www-form-urlencoded'), 415);
      await expectProblem(await post(JSON.stringify({ q: 'x'.repeat(40_000) })), 413);
      // A body well past the limit is still answered 413, not reset while the client is sending it.
      await expectProblem(await post(JSON.stringify({ q: 'x'.repeat(600_000) })), 413);
      await expectProblem(await post(JSON.stringify({ q: 'x', [MARKER]: 1 })), 400);
      await expectProblem(await post('{not json'), 400);
      await expectProblem(await post(JSON.stringify({ q: 'x', limit: 1000 })), 400, 'limit');
    });

    it('publishes a valid OpenAPI 3.1 document and an interactive reference at /docs', async () => {
      const doc = await json<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
      const validator = new Validator();
      const result = await validator.validate(doc as Parameters<Validator['validate']>[0]);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
      const docs = await get('/docs');
      expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = docs.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await docs.text();
      for (const path of Object.keys(doc.paths)) expect(html).toContain(path);
      const script = await get('/docs/app.js');
      expect(script.headers.get('content-type')).toMatch(/javascript/);
    });

    it('never answers 500 to arbitrary parameter values, and never reflects them', async () => {
      const routes = [
        '/v1/articles',
        '/v1/search',
        '/v1/facets',
        '/v1/entities',
        '/v1/quotes',
        '/v1/timeline',
        '/v1/feed.json',
      ];
      const params = [
        'q',
        'limit',
        'cursor',
        'sort',
        'after',
        'before',
        'section',
        'entity',
        'facets',
        'interval',
        'type',
        'prefix',
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.dictionary(fc.constantFrom(...params), fc.string({ unit: 'binary', maxLength: 40 }), {
            maxKeys: 4,
          }),
          async (route, query) => {
            const res = await get(`${route}?${new URLSearchParams(query)}`);
            expect([200, 400]).toContain(res.status);
            const text = await res.text();
            if (res.status === 400) {
              expect(res.headers.get('content-type')).toBe('application/problem+json');
              const detail = (JSON.parse(text) as Problem).detail;
              for (const v of Object.values(query)) if (v.length >= 8) expect(detail).not.toContain(v);
            }
          },
        ),
        { numRuns: 150, seed: 20261128 },
      );
    });

    it('is usable through the typed client', async () => {
      const client = remoteCorpus(api.url);
      const { items } = await client.list({ limit: 1 });
      expect(items).toHaveLength(1);
      expect((await client.get(items[0]!.id))?.id).toBe(items[0]!.id);
      expect(await client.get('a_0000000000000000')).toBeUndefined();
    });
  });
}
