// Issue 18: where an entity's coverage happens. A face drawing a map reads it from the query functions:
// an entity's summary and the places beside it carry the gazetteer's country code and coordinates.
import { describe, expect, it } from 'vitest';
import { ruleRecognizer } from '../enrich/rule-recognizer';
import { withPlaces } from '../enrich/places/index';
import { parseText } from '../formats/text/parse-text';
import type { Article } from '../model/article-schema';
import { createCorpus, loadCorpus } from './create-corpus';

const recognizer = withPlaces(ruleRecognizer);
const story = (title: string, text: string) => parseText(text, { title }, { recognizer });
const articles = [
  story('Festival opens', 'Mayor Ana Ruiz opened the festival in Valparaíso on Sunday with a parade.'),
  story('Port strike', 'Mayor Ana Ruiz met dockers in Valparaíso and in Santiago on Monday.'),
  story('Louvre reopens', 'The museum reopened in Paris on Monday after a strike.'),
];

const placeOf = (a: Article, name: string) => a.entities.find((e) => e.name === name);

describe('entity places on the query functions', () => {
  const corpus = createCorpus(articles);
  const valparaiso = placeOf(articles[0]!, 'Valparaíso')!;
  const person = articles[0]!.entities.find((e) => e.type === 'person')!;

  it('gives a place entity its coordinates in its summary, in entities() and entity(), after a snapshot too', () => {
    expect(valparaiso.coordinates).toBeDefined();
    for (const c of [corpus, loadCorpus(corpus.toSnapshot())]) {
      const detail = c.entity(valparaiso.id);
      expect(detail?.countryCode).toBe('CL');
      expect(detail?.coordinates).toEqual(valparaiso.coordinates);
      const listed = c.entities({ type: 'place', limit: 100 }).items.find((e) => e.id === valparaiso.id);
      expect(listed?.coordinates).toEqual(valparaiso.coordinates);
    }
  });

  it('gives the places co-occurring with an entity their country code and coordinates', () => {
    const santiago = placeOf(articles[1]!, 'Santiago')!;
    const beside = corpus.entity(person.id)?.coOccurring ?? [];
    const places = beside.filter((c) => c.coordinates);
    expect(places.map((c) => [c.name, c.countryCode, c.count])).toEqual([
      ['Valparaíso', 'CL', 2],
      ['Santiago', 'CL', 1],
    ]);
    expect(places[1]?.coordinates).toEqual(santiago.coordinates);
    // Paris never appears beside the mayor, and a person carries no place fields.
    expect(beside.some((c) => c.name === 'Paris')).toBe(false);
    expect(
      corpus.entity(valparaiso.id)?.coOccurring.find((c) => c.id === person.id)?.coordinates,
    ).toBeUndefined();
  });

  it('gives the same place fields when an article repeats an entity id (counted from the articles)', () => {
    const a = articles[0]!;
    const repeated = { ...a, entities: [...a.entities, valparaiso] };
    const beside = createCorpus([repeated]).entity(person.id)?.coOccurring ?? [];
    const v = beside.find((c) => c.id === valparaiso.id);
    expect([v?.count, v?.countryCode, v?.coordinates]).toEqual([2, 'CL', valparaiso.coordinates]);
  });
});
