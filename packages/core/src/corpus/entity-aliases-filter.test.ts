import { describe, expect, it } from 'vitest';
import { fixture } from '../../test-support/test-articles';
import { createCorpus, loadCorpus } from './create-corpus';

describe('an entity filter by name or alias', () => {
  // The same entity, named without an alias in the newest article and with one in an older one.
  const macron = { id: 'person:emmanuel-macron', name: 'Emmanuel Macron', type: 'person' as const };
  const articles = [
    fixture({
      title: 'Summit opens',
      body: ['Leaders met.'],
      publishedAt: '2024-03-06',
      entities: [{ ...macron, aliases: [] }],
    }),
    fixture({
      title: 'Talks end',
      body: ['Leaders left.'],
      publishedAt: '2024-03-05',
      entities: [{ ...macron, aliases: ['Macron'] }],
    }),
    fixture({ title: 'Other news', body: ['Nothing.'], publishedAt: '2024-03-04', entities: [] }),
  ];

  it('finds every article of the entity by an alias that only a later-indexed article gives it', () => {
    for (const corpus of [createCorpus(articles), loadCorpus(createCorpus(articles).toSnapshot())]) {
      const titles = (q: string) => corpus.list({ filters: { entity: q } }).items.map((a) => a.title);
      expect(titles('Macron')).toEqual(['Summit opens', 'Talks end']);
      expect(titles('emmanuel macron')).toEqual(['Summit opens', 'Talks end']);
      expect(titles('Brigitte')).toEqual([]);
    }
  });
});
