// Issue 18: the home page's "most mentioned" chips showed 0 for a country the text only calls by its
// adjective ("French troops"). The count is the core's: an entity's mentionCount counts every reference.
import { describe, expect, it } from 'vitest';
import { parseText } from '../formats/text/parse-text';
import { createCorpus } from './create-corpus';

const articles = [
  parseText('French troops left the base on Monday. The American envoy stayed.', { title: 'Troops leave' }),
  parseText('France said its troops would leave Niger. French officials agreed.', {
    title: 'France to leave',
  }),
];

describe('entity mention counts', () => {
  it('count names and adjectives alike, so no listed entity is mentioned 0 times', () => {
    const listed = createCorpus(articles).entities({ type: 'place', limit: 50 }).items;
    const france = listed.find((e) => e.id === 'country:fr');
    expect(france).toBeDefined();
    for (const e of listed) {
      const own = articles.flatMap((a) => a.entities.filter((x) => x.id === e.id));
      const references = own.reduce((n, x) => n + x.mentions.length + (x.demonymMentions?.length ?? 0), 0);
      expect(e.mentionCount, e.name).toBe(references);
      expect(e.mentionCount, e.name).toBeGreaterThan(0);
    }
    // "United States" is only ever "American" here: still referred to once.
    expect(listed.find((e) => e.id === 'country:us')?.mentionCount).toBe(1);
  });
});
