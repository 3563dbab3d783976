import { describe, expect, it } from 'vitest';
import { packSummary, type StoredSummary, summaryCountry, unpackSummary } from './entity-summaries';

/** A summary with its fields in the order EntityColumns makes them. */
const summary = (type: string, name = 'Jordan', aliases = ['Hashemite Kingdom', 'Jordan', '0']) => ({
  id: 'e1',
  name,
  type,
  aliases,
  articleCount: 3,
  mentionCount: 7,
});
const cases: StoredSummary[] = [
  summary('person'),
  { ...summary('place'), countryCode: 'JO' },
  { ...summary('place'), countryCode: 'JO', coordinates: { lat: 31.95, lon: -35.93 } },
  { ...summary('place'), coordinates: { lat: 0, lon: 1e-7 } },
  summary('other', 'a "quoted", [bracketed] name', []),
  summary('some-new-type'),
];

describe('packed entity summaries', () => {
  it('unpack to the summary packed, fields in the order the query functions give them', () => {
    for (const s of cases) {
      const back = unpackSummary(s.id, packSummary(s));
      expect(back).toEqual(s);
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    }
  });

  it('read the country code of those that have one, and no other', () => {
    for (const s of cases) expect(summaryCountry(packSummary(s))).toBe(s.countryCode);
  });

  it('are smaller than the summary as JSON', () => {
    for (const s of cases) expect(packSummary(s).length).toBeLessThan(JSON.stringify(s).length);
  });
});
