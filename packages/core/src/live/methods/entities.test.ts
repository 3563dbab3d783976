import { describe, expect, it, vi } from 'vitest';
import { corpusStateOf } from '../../corpus/corpus-over';
import { createCorpus } from '../../corpus/create-corpus';
import { fixture } from '../../../test-support/test-articles';
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

  // bench:live: the first entities() of each new state read again the articles of every entity whose
  // segments hold dead documents (seconds at 10k), though a commit of new articles changed none of them.
  it('a commit that leaves the segments as they were reads none of their articles again, and still equals one corpus', () => {
    const c = segmentedCase(42, 80);
    const { segments } = corporaOf(c);
    const all = () => allPages((cursor) => corpus.entities({ limit: 100, cursor }));
    let corpus = segmentedCorpus(segments, { deleted: c.deleted });
    all();
    const reads = segments.map((s) => vi.spyOn(corpusStateOf(s)!, 'article'));
    const fresh = fixture({ title: 'A later story', body: ['with no entity'] });
    corpus = segmentedCorpus([...segments, createCorpus([fresh])], { deleted: c.deleted });
    expect(all()).toEqual(
      allPages((cursor) => createCorpus([...c.live, fresh]).entities({ limit: 100, cursor })),
    );
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
  });
});
