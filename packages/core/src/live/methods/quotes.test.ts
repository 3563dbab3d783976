import { describe, expect, it } from 'vitest';
import type { QuotesParams } from '../../query-schema/query-params-schema';
import { allPages, corporaOf, SPEAKERS, segmentedCase } from '../../../test-support/segmented-articles';
import { segmentedCorpus } from '../segmented-corpus';

describe('quotes over segments', () => {
  for (const seed of [61, 62, 63]) {
    it(`seed ${seed}: every page of every quote, statement, speaker, word and article query equals one corpus's`, () => {
      const c = segmentedCase(seed, 80);
      const { segments, atOnce } = corporaOf(c);
      const corpus = segmentedCorpus(segments, { deleted: c.deleted });
      const words = c.live.flatMap((a) => a.quotes.map((q) => q.text.split(' ')[0]!)).slice(0, 3);
      const params: QuotesParams[] = [
        {},
        { statements: true },
        ...SPEAKERS.map((speaker) => ({ speaker })),
        { speaker: 'Macron', statements: true },
        ...words.map((w) => ({ q: w.slice(0, 3) })),
        { q: `${words[0]} ${words[1]}`, statements: true },
        ...c.versions.slice(0, 12).map((a) => ({ article: a.id })),
        { article: c.versions[0]!.slug, speaker: 'Scholz' },
      ];
      for (const p of params)
        for (const limit of [2, 100]) {
          const page = (cursor: string | undefined) => ({ ...p, limit, cursor });
          expect(
            allPages((cursor) => corpus.quotes(page(cursor))),
            JSON.stringify(p),
          ).toEqual(allPages((cursor) => atOnce.quotes(page(cursor))));
        }
    });
  }
});
