// Issue 18: a country filter finds the stories set in its cities (places linked to the gazetteer carry
// their country code), as well as those naming the country.
import { describe, expect, it } from 'vitest';
import { nerRecognizer } from '../enrich/ner/index';
import { withPlaces } from '../enrich/places/index';
import { parseText } from '../formats/text/parse-text';
import { createCorpus } from './create-corpus';
import { matchesFilters } from './components/match-filters';

const recognizer = withPlaces(nerRecognizer);
const story = (title: string, text: string) => parseText(text, { title }, { recognizer });
const articles = [
  story('Festival opens', 'The song festival opened in Viña del Mar on Sunday with a parade.'),
  story('Copper price', 'Chile sold more copper this year, the ministry said on Monday.'),
  story('Louvre reopens', 'The museum reopened in Paris on Monday after a strike.'),
  story('Market day', 'Farmers sold apples at the weekly market on Monday.'),
];

describe('the country filter', () => {
  it('keeps articles naming the country or a place in it, in list and search alike', () => {
    const corpus = createCorpus(articles);
    const titles = (items: ReadonlyArray<{ title: string }>) => items.map((a) => a.title).sort();
    expect(titles(corpus.list({ filters: { country: 'CL' } }).items)).toEqual([
      'Copper price',
      'Festival opens',
    ]);
    expect(titles(corpus.search({ q: 'monday OR sunday', filters: { country: 'cl' } }).hits)).toEqual([
      'Copper price',
      'Festival opens',
    ]);
    expect(titles(corpus.list({ filters: { country: 'FR' } }).items)).toEqual(['Louvre reopens']);
    expect(corpus.list({ filters: { country: 'FR', entity: 'Chile' } }).items).toEqual([]);
    // The index and a walk over the articles agree.
    for (const country of ['CL', 'FR', 'NZ'])
      expect(titles(corpus.list({ filters: { country } }).items)).toEqual(
        titles(articles.filter((a) => matchesFilters(a, { country }))),
      );
  });
});
