import { createApp } from '@gazette/api';
import { createCorpus } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { macronArticle, manyArticles, nigerArticle } from '../testing/fixture-articles';
import { articlePages } from './article-pages';
import { localSource } from './local-source';
import { isRemoteError } from './remote-error';
import { remoteSource } from './remote-source';

const corpus = createCorpus([macronArticle(), nigerArticle(), ...manyArticles(30)]);
const app = createApp({ corpus });
// The API app itself as the transport: the typed client's requests go through its real routes.
const viaApp: typeof fetch = (input, init) => Promise.resolve(app.request(input, init));

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(isRemoteError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('remote source (the API through its typed client)', () => {
  const remote = remoteSource('http://api.test/', { fetch: viaApp });
  const local = localSource(corpus);

  it('answers as the local corpus does: list with filters, search with facets, get, related', async () => {
    const params = { sort: 'oldest', limit: 5, filters: { source: 'Le Monde' } } as const;
    expect(await remote.list(params)).toEqual(await local.list(params));
    const page = await remote.list({ limit: 3 });
    expect(await remote.list({ limit: 3, cursor: page.nextCursor! })).toEqual(
      await local.list({ limit: 3, cursor: page.nextCursor! }),
    );
    const search = { q: 'ambassador', limit: 10, facets: ['person', 'source'] as const };
    expect(await remote.search({ ...search, facets: [...search.facets] })).toEqual(
      await local.search({ ...search, facets: [...search.facets] }),
    );
    const first = (await local.list({ limit: 1 })).items[0]!;
    expect(await remote.get(first.slug)).toEqual(await local.get(first.slug));
    expect(await remote.related(first.id)).toEqual(await local.related(first.id));
    expect(await remote.entities({ type: 'person' })).toEqual(await local.entities({ type: 'person' }));
    expect(await remote.quotes({})).toEqual(await local.quotes({}));
  });

  it('reads the end of a list over HTTP as locally (reverse through the API)', async () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const total = corpus.size;
      const fromRemote = await articlePages(remote, sort, undefined).tail!([], total);
      const fromLocal = await articlePages(local, sort, undefined).tail!([], total);
      expect(fromRemote!.items.length).toBeGreaterThan(0);
      expect(fromRemote).toEqual(fromLocal);
      // Read from the end with `reverse` on the API, as in the process.
      const list = await local.list({ sort, limit: 100 });
      expect(fromRemote!.items.map((a) => a.id)).toEqual(list.items.map((a) => a.id).slice(-total));
    }
  });

  it('gives undefined for an unknown article, even with characters that need encoding', async () => {
    expect(await remote.get('a_0000000000000000')).toBeUndefined();
    expect(await remote.get('../articles?x=1#y')).toBeUndefined();
    expect(await remote.get('')).toBeUndefined();
  });

  it('says what went wrong: an API error, a server that is not Gazette, a timeout, no server at all', async () => {
    const bad = await failure(remote.list({ limit: 5000 }));
    expect(bad.message).toMatch(/answered 400 for \/v1\/articles: .*limit/i);

    const notGazette = remoteSource('http://elsewhere.test', {
      fetch: async () => new Response('<html>hello</html>', { headers: { 'content-type': 'text/html' } }),
    });
    expect((await failure(notGazette.list())).message).toMatch(
      /not a Gazette result.*Is http:\/\/elsewhere\.test\//,
    );

    const slow = remoteSource('http://slow.test', {
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    });
    expect((await failure(slow.search({ q: 'x' }))).message).toMatch(/no answer in 50 ms \(\/v1\/search\)/);

    const down = remoteSource('http://127.0.0.1:9');
    expect((await failure(down.list())).message).toMatch(/http:\/\/127\.0\.0\.1:9 is unreachable/);
  });

  it('keeps a path prefix in the base URL', async () => {
    const seen: string[] = [];
    const prefixed = remoteSource('http://api.test/gazette', {
      fetch: (input, init) => {
        const url = new URL(String(input));
        seen.push(url.pathname);
        url.pathname = url.pathname.replace(/^\/gazette/, '');
        return viaApp(url, init);
      },
    });
    expect((await prefixed.list({ limit: 1 })).items).toHaveLength(1);
    expect(seen).toEqual(['/gazette/v1/articles']);
  });
});
