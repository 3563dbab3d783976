import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { nodeCompression } from '../node/node-compress';
import { fixtureArticles, fixtureCorpus } from '../test-support/fixture-corpus';
import { cachedRead, ReadCache } from './read-cache';

describe('ReadCache', () => {
  it('stays within its byte budget, dropping the least recently used first', () => {
    const cache = new ReadCache(1000);
    const body = 'x'.repeat(100);
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, cachedRead(body));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    expect(cache.get('k0')).toBeUndefined();
    expect(new TextDecoder().decode(cache.get('k19')?.data)).toBe(body);
    // Touching an old entry keeps it past newer ones.
    const kept = cache.stats().entries;
    const oldest = `k${20 - kept}`;
    expect(cache.get(oldest)).toBeDefined();
    cache.set('new', cachedRead(body));
    expect(cache.get(oldest)).toBeDefined();
  });

  it('makes each answer once, and not at all when turned off', () => {
    let made = 0;
    const make = () => `body ${made++} “curly”`;
    const on = new ReadCache(1 << 20);
    expect(on.through('k', make)).toBe(on.through('k', make));
    expect(made).toBe(1);
    expect(on.stats()).toMatchObject({ hits: 1, misses: 1 });
    const off = new ReadCache(0);
    off.through('k', make);
    off.through('k', make);
    expect(made).toBe(3);
  });
});

describe('cached reads over HTTP (the fast path answers as the routes do)', () => {
  const [article] = fixtureArticles();
  const path = `/v1/articles/${article!.id}`;
  const fresh = () => createApp({ corpus: fixtureCorpus(), compression: nodeCompression() });
  const headersOf = (res: Response) => {
    const h = Object.fromEntries(res.headers);
    delete h['x-request-id'];
    return h;
  };

  it('answers a repeated GET from the cache with the same body and headers, and a new request id', async () => {
    const app = fresh();
    const first = await app.request(path);
    const second = await app.request(path);
    expect(app.readCacheStats().hits).toBe(1);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(second.headers.get('vary')).toMatch(/accept-encoding/i);
    const echoed = await app.request(path, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const insane = await app.request(path, { headers: { 'x-request-id': 'a b\u0001' } });
    expect(insane.headers.get('x-request-id')).not.toBe('a b\u0001');
  });

  it('answers 304 from the cache as the route does', async () => {
    const app = fresh();
    const etag = (await app.request(path)).headers.get('etag')!;
    const slow = await fresh().request(path, { headers: { 'if-none-match': etag } });
    const fast = await app.request(path, { headers: { 'if-none-match': `W/${etag}` } });
    expect(app.readCacheStats().hits).toBe(1);
    expect(fast.status).toBe(304);
    expect(slow.status).toBe(304);
    expect(headersOf(fast)).toEqual(headersOf(slow));
  });

  it('gzips a cached read for a client that accepts it, with a weak tag, and the same bytes inside', async () => {
    const app = fresh();
    const plain = await (await app.request(path)).text();
    const res = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(app.readCacheStats().hits).toBe(1);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toMatch(/^W\//);
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
    // A weighted header is negotiated the long way; the answer is still compressed.
    const weighted = await app.request(path, { headers: { 'accept-encoding': 'gzip;q=0.5, deflate;q=1' } });
    expect(app.readCacheStats().hits).toBe(2); // the route's own cache, not the fast path
    expect(weighted.headers.get('content-encoding')).toBe('deflate');
  });

  it('gzips a read the route makes as the fast path then answers it: the same bytes and headers', async () => {
    const app = fresh();
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const routed = await app.request(path, { headers: gzip });
    const fast = await app.request(path, { headers: gzip });
    expect(app.readCacheStats()).toMatchObject({ misses: 1, hits: 1 });
    expect(routed.headers.get('content-encoding')).toBe('gzip');
    expect(routed.headers.get('content-length')).toBeNull();
    expect(headersOf(routed)).toEqual(headersOf(fast));
    const bytes = Buffer.from(await routed.arrayBuffer());
    expect(bytes.equals(Buffer.from(await fast.arrayBuffer()))).toBe(true);
    const plain = await (await app.request(path)).text();
    expect(gunzipSync(bytes).toString('utf8')).toBe(plain);
  });

  it('shares one search answer between spellings of the same parameters, and keeps errors uncached', async () => {
    const app = fresh();
    const a = await (await app.request('/v1/search?q=budget&limit=5')).text();
    const b = await (await app.request('/v1/search?limit=5&q=budget')).text();
    expect(b).toBe(a);
    expect(app.readCacheStats()).toMatchObject({ misses: 1, hits: 1 });
    expect((await app.request('/v1/articles/a_nope')).status).toBe(404);
    expect((await app.request('/v1/articles/a_nope')).status).toBe(404);
    expect(app.readCacheStats().misses).toBe(3);
    // HEAD takes the long way and carries no body.
    const head = await app.request(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
