import { describe, expect, it } from 'vitest';
import { storyArticle } from '../../test-support/store-contract';
import { createCorpus } from './create-corpus';

describe('search with typos off', () => {
  const corpus = createCorpus([storyArticle('https://example.com/bridge')]);

  it('matches words only as typed, where auto also reads them with typos', () => {
    expect(corpus.search({ q: 'harbour' }).total).toBe(1);
    expect(corpus.search({ q: 'harbuor' }).total).toBe(1);
    expect(corpus.search({ q: 'harbuor', typos: 'off' }).total).toBe(0);
    expect(corpus.search({ q: 'harbour', typos: 'off' }).total).toBe(1);
    expect(corpus.search({ q: 'harbour bridgee', typos: 'off' }).total).toBe(0);
  });

  it('refuses a typo mode it does not know, saying which it knows', () => {
    expect(() => corpus.search({ q: 'harbour', typos: 'sometimes' as 'off' })).toThrow(/typos/);
  });
});
