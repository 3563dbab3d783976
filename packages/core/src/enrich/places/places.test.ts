// Issue 18: places mean places. A recogniser wrapped with withPlaces links each place it finds to the
// gazetteer (GeoNames): the entity carries its country code and coordinates.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../formats/text/parse-text';
import { ArticleSchema } from '../../model/article-schema';
import { nerRecognizer } from '../ner/index';
import type { EntityRecognizer } from '../recognizer';
import { ruleRecognizer } from '../rule-recognizer';
import { findPlace, withPlaces } from './index';

const placesIn = (text: string, recognizer: EntityRecognizer) =>
  parseText(text, { title: 'Places' }, { recognizer }).entities.filter((e) => e.type === 'place');

describe('places linked to the gazetteer (withPlaces, @gazette/core/places)', () => {
  it('gives a city its country code and coordinates, with either recogniser', () => {
    for (const r of [ruleRecognizer, nerRecognizer]) {
      const article = parseText(
        'Protests spread from Valparaíso to Viña del Mar on Sunday. Judges in The Hague met.',
        { title: 'Protests' },
        { recognizer: withPlaces(r) },
      );
      expect(() => ArticleSchema.parse(article)).not.toThrow();
      const vina = article.entities.find((e) => e.name === 'Viña del Mar');
      expect(vina?.countryCode, r.name).toBe('CL');
      expect(vina?.coordinates?.lat).toBeCloseTo(-33.02, 1);
      expect(vina?.coordinates?.lon).toBeCloseTo(-71.55, 1);
      expect(article.entities.find((e) => e.name === 'The Hague')?.countryCode).toBe('NL');
    }
  });

  it('reads a well-known city the rules leave untyped as a place, and only with the gazetteer', () => {
    const text = 'Officials met in Paris on Monday.';
    expect(placesIn(text, ruleRecognizer).map((e) => e.name)).toEqual([]);
    const paris = placesIn(text, withPlaces(ruleRecognizer)).find((e) => e.name === 'Paris');
    expect(paris?.countryCode).toBe('FR'); // the most populous Paris, not one of the towns in Texas
  });

  it('leaves people and organisations named like cities alone', () => {
    const article = parseText(
      'William Hague met the board of Reading FC.',
      { title: 'Met' },
      {
        recognizer: withPlaces(nerRecognizer),
      },
    );
    for (const e of article.entities.filter((x) => x.type !== 'place')) expect(e.coordinates).toBeUndefined();
    expect(findPlace('Gazetteville')).toBeUndefined();
  });
});
