import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import { fixture } from '../../../test-support/test-articles';
import type { ListParams } from '../../query-schema/query-params-schema';
import { allPages, corporaOf, outcome, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

const FILTERS: ListParams['filters'][] = [
  undefined,
  { section: 'world' },
  { tag: 'energy' },
  { source: 'BBC', language: 'en' },
  { entity: 'Q1' },
  { entity: 'macron' },
  { entity: 'Lyon' },
  { entity: 'DB', section: 'Business' },
  { entity: 'Deutsche Bahn', country: 'DE' },
  { country: 'fr' },
  { after: '2024-02', before: '2024-03-02' },
];

describe('list over segments', () => {
  for (const seed of [1, 2, 3]) {
    const c = segmentedCase(seed, 90);
    const { segments, atOnce } = corporaOf(c);
    const corpus = segmentedCorpus(segments, { deleted: c.deleted });
    const queries = [
      undefined,
      ...c.sharedWords.slice(0, 2),
      c.sharedWords[0] && `${c.sharedWords[0]!.slice(0, 2)}*`,
    ];

    it(`seed ${seed} (${c.segments.length} segments): every page equals the corpus built at once, for every filter, query, sort and limit`, () => {
      for (const filters of FILTERS)
        for (const q of queries)
          for (const sort of ['newest', 'oldest'] as const)
            for (const reverse of [false, true])
              for (const limit of [4, 50]) {
                const params = { filters, q, sort, reverse, limit };
                const page = (cursor: string | undefined) => ({ ...params, cursor });
                const at = allPages((cursor) => atOnce.list(page(cursor)));
                const seg = allPages((cursor) => corpus.list(page(cursor)));
                expect(seg, JSON.stringify(params)).toEqual(at);
              }
    });

    it(`seed ${seed}: a cursor of either corpus pages the other the same, even one past a deleted article`, () => {
      const first = atOnce.list({ limit: 5 });
      expect(corpus.list({ limit: 5, cursor: first.nextCursor! })).toEqual(
        atOnce.list({ limit: 5, cursor: first.nextCursor! }),
      );
      for (const id of c.deleted) {
        const a = c.versions.find((v) => v.id === id)!;
        const key = btoa(JSON.stringify({ k: [a.publishedAt ?? '', id], f: 'x' }));
        expect(outcome(() => corpus.list({ cursor: key }))).toEqual(
          outcome(() => atOnce.list({ cursor: key })),
        );
      }
    });
  }

  it('refuses bad parameters as one corpus does', () => {
    const c = segmentedCase(9, 20);
    const { segments, atOnce } = corporaOf(c);
    const corpus = segmentedCorpus(segments, { deleted: c.deleted });
    for (const bad of [{ limit: 0 }, { cursor: 'nope' }, { sort: 'sideways' }])
      expect(outcome(() => corpus.list(bad as ListParams))).toEqual(
        outcome(() => atOnce.list(bad as ListParams)),
      );
  });
});

describe('list with a query over segments', () => {
  it('selects what a build at once selects when a word is in one segment and a near spelling in another', () => {
    // Found while merging: each segment tried typos on its own dictionary, so "parliament" also found
    // "parlament" in the segment lacking the word (2 articles; a build at once finds 1).
    const a = fixture({
      title: 'Parliament votes on the budget',
      body: ['The parliament met.'],
      publishedAt: '2024-01-01',
    });
    const b = fixture({
      title: 'Parlament sitzt',
      body: ['Das parlament tagte.'],
      publishedAt: '2024-01-02',
    });
    const c = fixture({ title: 'Rail strike ends', body: ['Trains run again.'], publishedAt: '2024-01-03' });
    const corpus = segmentedCorpus([createCorpus([a]), createCorpus([b, c])]);
    const atOnce = createCorpus([a, b, c]);
    for (const q of ['parliament', 'parlament', 'parliment', 'par*', 'rail OR parliament'])
      for (const sort of ['newest', 'oldest'] as const) {
        expect(corpus.list({ q, sort }), `${q} ${sort}`).toEqual(atOnce.list({ q, sort }));
        expect(corpus.timeline({ q }), q).toEqual(atOnce.timeline({ q }));
      }
  });
});
