import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import { fixture } from '../../../test-support/test-articles';
import { corporaOf, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

describe('get over segments', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: every id and slug of every version (live, superseded, deleted) finds what one corpus finds`, () => {
      const c = segmentedCase(seed, 80);
      const { segments, atOnce } = corporaOf(c);
      const corpus = segmentedCorpus(segments, { deleted: c.deleted });
      for (const a of c.versions)
        for (const key of [a.id, a.slug]) expect(corpus.get(key), key).toEqual(atOnce.get(key));
      expect(corpus.get('no-such-article')).toBeUndefined();
    });
  }

  it('an id wins over another article’s slug, and a slug is found where it is also a dead id', () => {
    const a = fixture({ title: 'Alpha', body: ['alpha'], publishedAt: '2024-01-01' });
    const b = { ...fixture({ title: 'Beta', body: ['beta'], publishedAt: '2024-01-02' }), slug: a.id };
    const a2 = { ...a, title: 'Alpha again' };
    const c = { ...fixture({ title: 'Gamma', body: ['gamma'] }), slug: 'gamma' };
    // Segment 0 holds a (dead: a2 replaces it) and b, whose slug is a's id.
    const corpus = segmentedCorpus([createCorpus([a, b]), createCorpus([a2, c])]);
    const atOnce = createCorpus([b, a2, c]);
    for (const key of [a.id, b.id, b.slug, a2.slug, c.slug])
      expect(corpus.get(key), key).toEqual(atOnce.get(key));
    // Deleted a2: a's id is now only b's slug.
    const without = segmentedCorpus([createCorpus([a, b]), createCorpus([a2, c])], {
      deleted: new Set([a.id]),
    });
    expect(without.get(a.id)?.id).toBe(b.id);
  });
});
