import { describe, expect, it } from 'vitest';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { corporaOf, outcome, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

const FILTERS: (ArticleFilters | undefined)[] = [
  undefined,
  { section: 'Sport' },
  { entity: 'DB' },
  { country: 'FR', language: 'en' },
  { before: '2024-03' },
];

describe('articles over segments', () => {
  for (const seed of [21, 22, 23]) {
    it(`seed ${seed}: every article in the order one corpus gives, for every filter and sort`, () => {
      const c = segmentedCase(seed, 80);
      const { segments, atOnce } = corporaOf(c);
      const corpus = segmentedCorpus(segments, { deleted: c.deleted });
      for (const filters of FILTERS)
        for (const sort of ['newest', 'oldest'] as const)
          expect([...corpus.articles(filters, sort)]).toEqual([...atOnce.articles(filters, sort)]);
    });
  }

  it('reads lazily and refuses a bad filter at the call, as one corpus does', () => {
    const c = segmentedCase(24, 40);
    const { segments, atOnce } = corporaOf(c);
    const corpus = segmentedCorpus(segments, { deleted: c.deleted });
    const it = corpus.articles();
    expect(it.next().value).toEqual(atOnce.articles().next().value);
    const bad = { after: 'yesterday' } as ArticleFilters;
    expect(outcome(() => corpus.articles(bad))).toEqual(outcome(() => atOnce.articles(bad)));
  });
});
