import { describe, expect, it } from 'vitest';
import { fixture } from '../../test-support/test-articles';
import { buildIndex } from '../search/index/build-index';
import { fromWire, toWire } from './wire-article';

describe('articles as sent to the index workers', () => {
  const a = fixture({
    title: 'Rain in Paris',
    body: ['It rained in Paris and Lyon.', 'The French were told.'],
    standfirst: 'Weather',
  });
  a.entities = [
    {
      id: 'place:paris',
      name: 'Paris',
      type: 'place',
      aliases: ['City of Light'],
      countryCode: 'FR',
      coordinates: { lat: 48.86, lon: 2.35 },
      mentions: [{ block: 0, start: 12, end: 17 }],
    },
    {
      id: 'country:fr',
      name: 'France',
      type: 'place',
      aliases: [],
      mentions: [],
      demonymMentions: [{ block: 1, start: 4, end: 10 }],
    },
  ];

  it('arrive with every field the index reads: entities with their coordinates, country and mention counts', () => {
    const d = fromWire(structuredClone(toWire(a, true)));
    expect(d.id).toBe(a.id);
    expect(d.slug).toBe(a.slug);
    expect(d.body.map((b) => b.text)).toEqual(a.body.map((b) => b.text));
    const [paris, france] = d.entities;
    expect(paris).toMatchObject({
      countryCode: 'FR',
      coordinates: { lat: 48.86, lon: 2.35 },
      mentions: { length: 1 },
    });
    expect(paris!.aliases).toEqual(['City of Light']);
    expect(paris).not.toHaveProperty('demonymMentions');
    expect(france).toMatchObject({
      id: 'country:fr',
      mentions: { length: 0 },
      demonymMentions: { length: 1 },
    });
    expect(france).not.toHaveProperty('coordinates');
  });

  it('index as the articles themselves do', () => {
    const b = fixture({ title: 'Sun in Lyon', body: ['Lyon had sun.'], section: 'weather', tags: ['sun'] });
    const sent = [a, b].map((x) => fromWire(structuredClone(toWire(x, true))));
    expect(buildIndex(sent as never)).toEqual(buildIndex([a, b]));
  });
});
