// Issue 18, "Names, places and numbers": shapes of real news text that were read wrong, with both
// recognisers (the rules and the trained tagger), each with its siblings (the same mistake, other words).
import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts';
import { findDates, publicationDay } from './dates';
import { extractEntities } from './extract-entities';
import { nerRecognizer } from './ner/index';
import type { EntityRecognizer } from './recognizer';
import { ruleRecognizer } from './rule-recognizer';

const RECOGNIZERS: EntityRecognizer[] = [ruleRecognizer, nerRecognizer];
const names = (text: string, r: EntityRecognizer) => extractEntities(text, r).map((e) => [e.type, e.name]);
const published = publicationDay('2023-11-22');

describe('issue 18: names, places and numbers', () => {
  it('"Viña del Mar" is not March, and the place keeps "del Mar" (and "Mar del Plata" its "Mar")', () => {
    for (const text of ['Protests spread to Viña del Mar on Sunday.', 'He spoke in Mar del Plata.']) {
      const dates = findDates(text, 0, published).map((d) => d.text);
      expect(dates.some((d) => /Mar\b/.test(d))).toBe(false);
    }
    const place = (text: string, r: EntityRecognizer) => extractEntities(text, r).map((e) => e.name);
    for (const r of RECOGNIZERS) {
      expect(place('Protests spread to Viña del Mar on Sunday.', r)).toContain('Viña del Mar');
      expect(place('He spoke in Mar del Plata on Sunday.', r)).toContain('Mar del Plata');
    }
    expect(names('Protests spread to Viña del Mar on Sunday.', nerRecognizer)).toContainEqual([
      'place',
      'Viña del Mar',
    ]);
  });

  it('an abbreviated month alone is a name, not a date; with a day or a year it is a date', () => {
    expect(findDates('Jan Kowalski met Dec Hogan.', 0, published)).toEqual([]);
    expect(
      findDates('It closed on 3 Mar 2023 and reopened Dec. 4.', 0, published).map((d) => d.value),
    ).toEqual(['2023-03-03', '2022-12-04']);
  });

  it('"The Chancellor, Jeremy Hunt" gives the person, and no role as a place (nor "the Prime Minister")', () => {
    for (const r of RECOGNIZERS) {
      expect(names('The Chancellor, Jeremy Hunt, said the budget was fair.', r)).toEqual([
        ['person', 'Jeremy Hunt'],
      ]);
      const roles = extractEntities(
        'Officials said the Prime Minister and the Foreign Secretary would go.',
        r,
      );
      expect(roles.map((e) => e.name)).toEqual([]);
    }
  });

  it('"a subsidiary of Maersk" (and "owned by ...") is an organisation, not a place', () => {
    for (const r of RECOGNIZERS) {
      expect(names('The firm is a subsidiary of Maersk, it said.', r)).toContainEqual([
        'organization',
        'Maersk',
      ]);
      expect(names('The port is owned by Hutchison, the filing shows.', r)).toContainEqual([
        'organization',
        'Hutchison',
      ]);
      // A country stays a country in the same words.
      expect(names('The bank is owned by France, the filing shows.', r)).toContainEqual(['place', 'France']);
    }
  });

  it('"in The Hague" is the place The Hague, while "William Hague" stays a person', () => {
    for (const r of RECOGNIZERS) {
      expect(names('The court sits in The Hague, where judges met.', r)).toEqual([['place', 'The Hague']]);
      expect(names('Judges met in the Hague on Monday.', r)).toEqual([['place', 'The Hague']]);
    }
    expect(names('William Hague, the former foreign secretary, spoke.', nerRecognizer)).toEqual([
      ['person', 'William Hague'],
    ]);
  });

  it('"National Insurance" (and other taxes and benefits) is neither an organisation nor a person', () => {
    for (const r of RECOGNIZERS)
      for (const scheme of ['National Insurance', 'Universal Credit', 'Inheritance Tax']) {
        const found = extractEntities(`He cut ${scheme} by two pence.`, r).find((e) => e.name === scheme);
        expect(found?.type).toBe('other');
      }
  });

  it('"27 million working people" counts people (and "thousands of young protesters" protesters)', () => {
    const read = (text: string) => findAmounts(text, 0).map((a) => [a.text, a.value, a.unit]);
    expect(read('The cut helps 27 million working people, he said.')).toEqual([
      ['27 million working people', 27e6, 'people'],
    ]);
    expect(read('Thousands of young protesters marched.')).toEqual([
      ['Thousands of young protesters', 1000, 'protesters'],
    ]);
    // A participle after the counted noun is what happened to it, not what is counted.
    expect(read('Only 1 building collapsed.')).toEqual([['1 building', 1, 'building']]);
  });
});
