import { describe, expect, it } from 'vitest';
import type { EntitiesParams } from '../../query-schema/query-params-schema';
import { allPages, corporaOf, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

const PARAMS: EntitiesParams[] = [
  {},
  { sort: 'name' },
  { sort: 'articles', type: 'person' },
  { type: 'place' },
  { prefix: 'mac' },
  { prefix: 'db' },
  { prefix: 'lyon', sort: 'name' },
];

describe('entities over segments', () => {
  for (const seed of [41, 42, 43, 44]) {
    for (const repeats of [false, true]) {
      it(`seed ${seed}${repeats ? ', ids repeated in an article' : ''}: every summary (names, aliases in order, counts, types, countries) and every page equal one corpus's`, () => {
        const c = segmentedCase(seed, 80, { repeats });
        const { segments, atOnce } = corporaOf(c);
        const corpus = segmentedCorpus(segments, { deleted: c.deleted });
        for (const params of PARAMS)
          for (const limit of [3, 100]) {
            const page = (cursor: string | undefined) => ({ ...params, limit, cursor });
            expect(allPages((cursor) => corpus.entities(page(cursor)))).toEqual(
              allPages((cursor) => atOnce.entities(page(cursor))),
            );
          }
      });
    }
  }
});
