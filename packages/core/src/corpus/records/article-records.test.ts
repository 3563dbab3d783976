import { describe, expect, it } from 'vitest';
import { parseText } from '../../formats/text/parse-text';
import { createCorpus, loadCorpus } from '../create-corpus';

const TEXT = `France and Germany agree new budget rules

President Emmanuel Macron met Chancellor Olaf Scholz in Paris on Monday, 3 March 2025. "We have found a deal," Mr Macron said after the talks, which lasted three hours.

The French and German finance ministers will present the €20bn plan to the European Commission next week. Officials in Berlin said 40% of the money would go to energy.

"This is a good day for Europe," Olaf Scholz told reporters.`;

describe('article records', () => {
  it('gives back every field of an enriched article, through a snapshot too', () => {
    const a = parseText(TEXT, {
      url: 'https://example.com/news/budget',
      publishedAt: '2025-03-03T10:00:00Z',
    });
    // The fields the store packs specially are all present, so the round trip covers them.
    expect(a.summary && a.body[0]!.text.startsWith(a.summary)).toBe(true);
    expect(a.dates.length).toBeGreaterThan(0);
    expect(a.amounts.length).toBeGreaterThan(0);
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.entities.length).toBeGreaterThan(0);
    const b = parseText(TEXT.replace('Monday', 'Tuesday'), { publishedAt: '2025-03-04T10:00:00Z' });
    const corpus = createCorpus([a, b]);
    expect(corpus.get(a.id)).toEqual(a);
    expect(corpus.get(b.slug)).toEqual(b);
    const loaded = loadCorpus(corpus.toSnapshot());
    expect(loaded.get(a.id)).toEqual(a);
    expect(loaded.get(b.id)).toEqual(b);
  });
});
