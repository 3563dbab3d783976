import { QUERY_LIMITS } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureCorpus } from '../test-support/fixture-corpus';

const app = createApp({ corpus: fixtureCorpus() });
const prefixes = (n: number) =>
  Array.from({ length: n }, (_, i) => `(${'abcdefghijklmnopqrstuvwxyz'[i % 26]}*)`).join('|');
const post = (body: unknown) =>
  app.request('/v1/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the query term limit is the core one, for GET and POST alike', () => {
  it('counts (a*)|(b*)|… written without spaces as one term per word, on GET and POST', async () => {
    const q = prefixes(166);
    for (const res of [await app.request(`/v1/search?q=${encodeURIComponent(q)}`), await post({ q })]) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { parameter?: string; detail?: string };
      expect(body.parameter).toBe('q');
      expect(body.detail).toMatch(new RegExp(`at most ${QUERY_LIMITS.maxQueryTerms}`));
    }
  });

  it('refuses 286 words in a POST body, and takes 32', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect((await post({ q: words(286) })).status).toBe(400);
    const ok = await post({ q: words(QUERY_LIMITS.maxQueryTerms) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { partial: boolean }).partial).toBe(false);
  });
});
