import { ArticleSchema } from '@gazette/core';
import {
  EntityDetailSchema,
  EntityListResultSchema,
  ListResultSchema,
  QuoteListResultSchema,
  SearchResultSchema,
  TimelineResultSchema,
} from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { remoteCorpus } from './client';
import { fixtureArticles, fixtureCorpus } from './test-support/fixture-corpus';

const corpus = fixtureCorpus();
const app = createApp({ corpus });
const get = (path: string, init?: RequestInit) => app.request(path, init);

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status: res.status });
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('reads', () => {
  it('lists newest first with the core result shape, and pages with the cursor', async () => {
    const first = ListResultSchema.parse(await (await get('/v1/articles?limit=1')).json());
    expect(first.total).toBe(corpus.size);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = ListResultSchema.parse(
      await (await get(`/v1/articles?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).json(),
    );
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(first).toEqual(corpus.list({ limit: 1 }));
  });

  it('reads a list from its end with reverse=true, paging back with its cursor, as the core does', async () => {
    const last = await (await get('/v1/articles?limit=1&reverse=true')).json();
    expect(last).toEqual(corpus.list({ limit: 1, reverse: true }));
    expect(last.items[0].id).toBe(corpus.list({ limit: 100 }).items.at(-1)!.id);
    const before = await (
      await get(`/v1/articles?limit=1&reverse=true&cursor=${encodeURIComponent(last.nextCursor)}`)
    ).json();
    expect(before).toEqual(corpus.list({ limit: 1, reverse: true, cursor: last.nextCursor }));
    const bad = await get('/v1/articles?reverse=maybe');
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).parameter).toBe('reverse');
  });

  it('filters by section and sorts oldest first, as the core does', async () => {
    const body = await (await get('/v1/articles?section=sport&sort=oldest')).json();
    expect(body).toEqual(corpus.list({ filters: { section: 'sport' }, sort: 'oldest' }));
  });

  it('gets an article by id and by slug', async () => {
    const [a] = fixtureArticles();
    const byId = ArticleSchema.parse(await (await get(`/v1/articles/${a!.id}`)).json());
    const bySlug = await (await get(`/v1/articles/${a!.slug}`)).json();
    expect(byId).toEqual(bySlug);
    expect(byId.id).toBe(a!.id);
  });

  it('searches with facets through the core', async () => {
    const res = await get('/v1/search?q=budget&facets=section,source');
    const body = SearchResultSchema.parse(await res.json());
    expect(body).toEqual(corpus.search({ q: 'budget', facets: ['section', 'source'] }));
    expect(body.total).toBeGreaterThan(0);
  });

  it('answers entities, an entity, quotes and a timeline in the core shapes', async () => {
    EntityListResultSchema.parse(await (await get('/v1/entities?type=person')).json());
    const entity = EntityDetailSchema.parse(await (await get('/v1/entities/person%3Ajane-doe')).json());
    expect(entity.quotes.map((q) => q.text)).toContain('We will balance the books,');
    const quotes = QuoteListResultSchema.parse(await (await get('/v1/quotes?speaker=Jane%20Doe')).json());
    expect(quotes.total).toBe(1);
    const tl = TimelineResultSchema.parse(await (await get('/v1/timeline?interval=month')).json());
    expect(tl.total).toBe(corpus.size);
  });

  it('serves feeds of a query', async () => {
    const atom = await get('/v1/feed.atom?q=budget');
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const json = (await (await get('/v1/feed.json?section=sport')).json()) as { items: { title: string }[] };
    expect(json.items.map((i) => i.title)).toEqual(['Cup final won after extra time']);
  });
});

describe('HTTP behaviour', () => {
  it('gives an ETag and Cache-Control, and 304 for a current copy', async () => {
    const res = await get('/v1/articles');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await get('/v1/articles', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('/v1/articles?limit=2', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
  });

  it('sets secure headers, open CORS without credentials, and a request id', async () => {
    const res = await get('/v1/articles', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/\S/);
  });

  it('answers problems with the right status, naming the parameter, never echoing input', async () => {
    const marker = 'zq<script>xy';
    const cases: Array<[string, number, string | undefined]> = [
      [`/v1/articles?limit=${encodeURIComponent(marker)}`, 400, 'limit'],
      ['/v1/articles?limit=101', 400, 'limit'],
      [`/v1/articles?sort=${encodeURIComponent(marker)}`, 400, 'sort'],
      [`/v1/articles?after=${encodeURIComponent(marker)}`, 400, 'after'],
      [`/v1/articles?cursor=${encodeURIComponent(marker)}`, 400, 'cursor'],
      [`/v1/search?q=${'a'.repeat(1001)}`, 400, 'q'],
      [`/v1/search?q=${encodeURIComponent(Array(40).fill('w').join(' '))}`, 400, 'q'],
      [`/v1/search?q=x&facets=${encodeURIComponent(marker)}`, 400, 'facets'],
      [`/v1/timeline?interval=${encodeURIComponent(marker)}`, 400, 'interval'],
      [`/v1/articles/${encodeURIComponent(marker)}`, 404, undefined],
      [`/v1/entities/${encodeURIComponent(marker)}`, 404, undefined],
      [`/${encodeURIComponent(marker)}`, 404, undefined],
      [`/v1/articles?tag=${'x'.repeat(5000)}`, 414, undefined],
    ];
    for (const [path, status, parameter] of cases) {
      const res = await get(path);
      expect(res.status, path.slice(0, 80)).toBe(status);
      const body = await problemOf(res);
      if (parameter) expect(body.parameter, path.slice(0, 80)).toBe(parameter);
      expect(JSON.stringify(body)).not.toContain('script');
    }
  });

  it('answers 405 with Allow for a method a path does not take', async () => {
    const res = await get('/v1/articles', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    await problemOf(res);
  });

  it('takes search parameters as a JSON body, with 415, 413 and 400 for bad bodies', async () => {
    const ok = await get('/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'budget', limit: 1 }),
    });
    expect(SearchResultSchema.parse(await ok.json())).toEqual(corpus.search({ q: 'budget', limit: 1 }));
    const text = await get('/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'q',
    });
    expect(text.status).toBe(415);
    const big = await get('/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    const unknown = await get('/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'x', zqsecretkey: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await problemOf(unknown))).not.toContain('zqsecretkey');
  });
});

describe('documents', () => {
  it('publishes an OpenAPI 3.1 document of every route, with the core schemas as components', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/articles',
      '/v1/articles/{id}',
      '/v1/search',
      '/v1/feed.atom',
      '/healthz',
      '/v1/changes',
      '/v1/stream',
      '/v1/alerts/{id}/feed.atom',
    ])
      expect(doc.paths).toHaveProperty([path]);
    expect(doc.components.schemas).toHaveProperty('Article');
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('renders /docs from the document with a CSP that allows only its own script', async () => {
    const res = await get('/docs');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('/v1/search');
    expect(html).toContain('id="problem-invalid-parameter"');
    expect((await get('/docs/app.js')).status).toBe(200);
  });
});

describe('client', () => {
  it('calls the routes with typed parameters and results', async () => {
    const client = remoteCorpus('http://api.test', {
      fetch: async (input, init) => app.request(input, init),
    });
    const list = await client.list({ limit: 2 });
    expect(list.items).toHaveLength(2);
    const one = await client.get(list.items[0]!.id);
    expect(one?.title).toBe(list.items[0]!.title);
  });
});
