import { describe, expect, it } from 'vitest';
import { corporaOf, ENTITY_IDS, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

describe('entity over segments', () => {
  for (const seed of [51, 52, 53, 54]) {
    for (const repeats of [false, true]) {
      it(`seed ${seed}${repeats ? ', ids repeated in an article' : ''}: each entity's summary, articles, quotes and co-occurring equal one corpus's`, () => {
        const c = segmentedCase(seed, 80, { repeats });
        const { segments, atOnce } = corporaOf(c);
        const corpus = segmentedCorpus(segments, { deleted: c.deleted });
        for (const id of [...ENTITY_IDS, 'Q404', 'Macron'])
          expect(corpus.entity(id), id).toEqual(atOnce.entity(id));
      });
    }
  }
});
