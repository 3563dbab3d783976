import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureArticles, fixtureCorpus } from '../test-support/fixture-corpus';
import { remoteCorpus } from './remote-corpus';
import { isRemoteError } from './remote-error';

const corpus = fixtureCorpus();
const app = createApp({ corpus });
// The API app itself as the transport: the client's requests go through its real routes.
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

describe('remoteCorpus (the API called as a corpus)', () => {
  const remote = remoteCorpus('http://api.test/', { fetch: viaApp });

  it('answers every read as the local corpus does', async () => {
    const params = { sort: 'oldest', limit: 2, filters: { source: 'Daily Test' } } as const;
    expect(await remote.list(params)).toEqual(corpus.list(params));
    const page = await remote.list({ limit: 1 });
    expect(await remote.list({ limit: 1, cursor: page.nextCursor! })).toEqual(
      corpus.list({ limit: 1, cursor: page.nextCursor! }),
    );
    const search = { q: 'budget', limit: 10, facets: ['person', 'source'] } as const;
    expect(await remote.search({ ...search, facets: [...search.facets] })).toEqual(
      corpus.search({ ...search, facets: [...search.facets] }),
    );
    const [first] = fixtureArticles();
    expect(await remote.get(first!.slug)).toEqual(corpus.get(first!.slug));
    expect(await remote.related(first!.id, { limit: 1 })).toEqual(corpus.related(first!.id, { limit: 1 }));
    expect(await remote.facets({ facets: ['section'] })).toEqual(corpus.facets({ facets: ['section'] }));
    expect(await remote.entities({ type: 'person' })).toEqual(corpus.entities({ type: 'person' }));
    expect(await remote.entity('person:jane-doe')).toEqual(corpus.entity('person:jane-doe'));
    expect(await remote.quotes({ speaker: 'Jane Doe' })).toEqual(corpus.quotes({ speaker: 'Jane Doe' }));
    expect(await remote.timeline({ interval: 'week' })).toEqual(corpus.timeline({ interval: 'week' }));
  });

  it('gives undefined for an unknown article or entity, even with characters that need encoding', async () => {
    expect(await remote.get('a_0000000000000000')).toBeUndefined();
    expect(await remote.get('../articles?x=1#y')).toBeUndefined();
    expect(await remote.get('')).toBeUndefined();
    expect(await remote.entity('person:nobody/../x')).toBeUndefined();
  });

  it('says what went wrong: an API error, a server that is not Gazette, a timeout, no server at all', async () => {
    const bad = await failure(remote.list({ limit: 5000 }));
    expect(bad.message).toMatch(/answered 400 for \/v1\/articles: .*limit/i);
    expect((await failure(remote.related('a_0000000000000000'))).message).toMatch(/answered 404/);

    const notGazette = remoteCorpus('http://elsewhere.test', {
      fetch: async () => new Response('<html>hello</html>', { headers: { 'content-type': 'text/html' } }),
    });
    expect((await failure(notGazette.list())).message).toMatch(
      /not a Gazette result.*Is http:\/\/elsewhere\.test\//,
    );

    const slow = remoteCorpus('http://slow.test', {
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    });
    expect((await failure(slow.search({ q: 'x' }))).message).toMatch(/no answer in 50 ms \(\/v1\/search\)/);

    const down = remoteCorpus('http://127.0.0.1:9');
    expect((await failure(down.list())).message).toMatch(/http:\/\/127\.0\.0\.1:9 is unreachable/);
    expect(() => remoteCorpus('not a url')).toThrow(/looks like http:\/\/localhost/);
    expect(() => remoteCorpus('ftp://x.test')).toThrow(/must be http or https/);
  });

  it('keeps a path prefix in the base URL', async () => {
    const seen: string[] = [];
    const prefixed = remoteCorpus('http://api.test/gazette', {
      fetch: (input, init) => {
        const url = new URL(String(input));
        seen.push(url.pathname);
        url.pathname = url.pathname.replace(/^\/gazette/, '');
        return viaApp(url, init);
      },
    });
    expect((await prefixed.list({ limit: 1 })).items).toHaveLength(1);
    expect(prefixed.url).toBe('http://api.test/gazette');
    expect(seen).toEqual(['/gazette/v1/articles']);
  });
});
