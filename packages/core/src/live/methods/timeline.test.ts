import { describe, expect, it } from 'vitest';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { corporaOf, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

const FILTERS: (ArticleFilters | undefined)[] = [
  undefined,
  { tag: 'energy' },
  { entity: 'Q3' },
  { country: 'de' },
];

describe('timeline over segments', () => {
  for (const seed of [31, 32, 33]) {
    it(`seed ${seed}: every interval, filter and query counts what one corpus counts`, () => {
      const c = segmentedCase(seed, 80);
      const { segments, atOnce } = corporaOf(c);
      const corpus = segmentedCorpus(segments, { deleted: c.deleted });
      for (const interval of ['day', 'week', 'month'] as const)
        for (const filters of FILTERS)
          for (const q of [undefined, ...c.sharedWords.slice(0, 2)])
            expect(corpus.timeline({ interval, filters, q })).toEqual(
              atOnce.timeline({ interval, filters, q }),
            );
    });
  }
});
