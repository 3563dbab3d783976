import { createApp } from '@gazette/api';
import { remoteCorpus } from '@gazette/api/client';
import { createCorpus } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { macronArticle, manyArticles, nigerArticle } from '../testing/fixture-articles';
import { articlePages } from './article-pages';
import type { GazetteSource } from './gazette-source';
import { localSource } from './local-source';

const corpus = createCorpus([macronArticle(), nigerArticle(), ...manyArticles(30)]);
const app = createApp({ corpus });
// The API app itself as the transport: the client's requests go through its real routes.
const viaApp: typeof fetch = async (input, init) => app.request(input, init);

describe('remote source (the API through @gazette/api/client)', () => {
  const client = remoteCorpus('http://api.test/', { fetch: viaApp });
  const remote: GazetteSource = { ...client, label: client.url };
  const local = localSource(corpus);

  it('answers as the local corpus does: list with filters, search with facets, get, related', async () => {
    const params = { sort: 'oldest', limit: 5, filters: { source: 'Le Monde' } } as const;
    expect(await remote.list(params)).toEqual(await local.list(params));
    const search = { q: 'ambassador', limit: 10, facets: ['person', 'source'] as const };
    expect(await remote.search({ ...search, facets: [...search.facets] })).toEqual(
      await local.search({ ...search, facets: [...search.facets] }),
    );
    // The search screen counts facets apart, once typing pauses: over --api through /v1/facets.
    const facets = { q: 'ambassador', facets: ['person', 'source'] as const, limit: 8 };
    const remoteFacets = await remote.facets({ ...facets, facets: [...facets.facets] });
    expect(remoteFacets).toEqual(await local.facets({ ...facets, facets: [...facets.facets] }));
    expect(Object.keys(remoteFacets).sort()).toEqual(['person', 'source']);
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
});
