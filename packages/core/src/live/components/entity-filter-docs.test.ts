import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { fixture } from '../../../test-support/test-articles';
import { segmentedCorpus } from '../segmented-corpus';

type E = { name: string; aliases?: string[]; countryCode?: string };
const withEntity = (title: string, date: string, e: E, quote?: string): Article => {
  const a = fixture({ title, body: [title], publishedAt: date });
  return {
    ...a,
    entities: [{ id: 'Q9', type: 'organization', aliases: [], mentions: [], ...e }],
    quotes: quote ? [{ text: quote, speakerEntityId: 'Q9', partial: false, block: 0, start: 0, end: 1 }] : [],
  };
};
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('entity, country and speaker filters over segments', () => {
  it('a name one segment gives an entity finds its articles in every segment, as one corpus finds them', () => {
    const old = withEntity('Rail news', '2024-01-01', { name: 'Deutsche Bahn' });
    const recent = withEntity('More rail news', '2024-02-01', { name: 'DB' });
    const corpus = segmentedCorpus([createCorpus([old]), createCorpus([recent])]);
    const atOnce = createCorpus([old, recent]);
    expect(ids(corpus.list({ filters: { entity: 'DB' } }))).toEqual([recent.id, old.id]);
    expect(corpus.list({ filters: { entity: 'DB' } })).toEqual(atOnce.list({ filters: { entity: 'DB' } }));
    // Search and facets decide the filter the same way (found while merging: each segment decided it alone).
    for (const filters of [{ entity: 'DB' }, { entity: 'Deutsche Bahn' }]) {
      expect(corpus.search({ q: 'rail', filters })).toEqual(atOnce.search({ q: 'rail', filters }));
      expect(corpus.facets({ q: 'rail', filters })).toEqual(atOnce.facets({ q: 'rail', filters }));
    }
  });

  it('a name, or a country, only a superseded version gave finds nothing, as one corpus finds nothing', () => {
    const a = withEntity(
      'Rail news',
      '2024-01-01',
      { name: 'Deutsche Bahn', aliases: ['Die Bahn'], countryCode: 'DE' },
      'We will run every train on time',
    );
    const b = withEntity(
      'Other rail news',
      '2024-01-02',
      { name: 'Deutsche Bahn' },
      'Trains are late again this winter',
    );
    const a2 = { ...a, title: 'Rail news, corrected', entities: b.entities };
    const corpus = segmentedCorpus([createCorpus([a, b]), createCorpus([a2])]);
    const atOnce = createCorpus([a2, b]);
    for (const filters of [{ entity: 'Die Bahn' }, { country: 'DE' }, { entity: 'Q9' }])
      expect(corpus.list({ filters }), JSON.stringify(filters)).toEqual(atOnce.list({ filters }));
    expect(corpus.list({ filters: { entity: 'Die Bahn' } }).total).toBe(0);
    expect(corpus.quotes({ speaker: 'Die Bahn' })).toEqual(atOnce.quotes({ speaker: 'Die Bahn' }));
    expect(corpus.entities({ prefix: 'die' })).toEqual(atOnce.entities({ prefix: 'die' }));
    expect(corpus.entity('Q9')).toEqual(atOnce.entity('Q9'));
  });

  it('an entity is named, typed and placed by its first live article, its aliases in order of first appearance', () => {
    const a = withEntity('One', '2024-01-01', { name: 'Bahn', aliases: ['B1', 'B2'] });
    const b = withEntity('Two', '2024-01-03', { name: 'DB AG', aliases: ['B2', 'B3'], countryCode: 'DE' });
    const c = withEntity('Three', '2024-01-02', { name: 'Die Bahn', aliases: ['B3', 'B1'] });
    const corpus = segmentedCorpus([createCorpus([a]), createCorpus([b]), createCorpus([c])]);
    const atOnce = createCorpus([a, b, c]);
    expect(corpus.entity('Q9')).toEqual(atOnce.entity('Q9'));
    expect(corpus.entity('Q9')).toMatchObject({
      name: 'DB AG',
      countryCode: 'DE',
      aliases: ['B2', 'B3', 'B1'],
    });
  });
});
