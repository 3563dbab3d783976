// The reference article (packages/corpus/articles/000_…): every quote, entity, date and amount, as read
// by hand from the text, with both recognisers (rules in the main entry, the trained tagger in /ner).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../../test-support/shared-corpora';
import type { Article } from '../model/article-schema';
import { ArticleSchema } from '../model/article-schema';
import { parseText } from '../formats/text/parse-text';
import { nerRecognizer } from './ner/index';
import { ruleRecognizer } from './rule-recognizer';

const text = readFileSync(REFERENCE_ARTICLE_PATH, 'utf8');

function parseWith(recognizer: typeof ruleRecognizer): Article {
  return parseText(text, undefined, { recognizer });
}

const MACRON = { speaker: 'Emmanuel Macron', speakerEntityId: 'person:emmanuel-macron' };

describe.each([
  ['rules', ruleRecognizer],
  ['trained tagger', nerRecognizer],
])('the reference article read with the %s', (_, recognizer) => {
  const article = parseWith(recognizer);
  const at = (block: number, start: number, end: number) => article.body[block]!.text.slice(start, end);

  it('is a valid Article', () => {
    expect(ArticleSchema.safeParse(article).success).toBe(true);
  });

  it('finds every quotation, full and partial, each attributed to Macron', () => {
    expect(article.quotes).toEqual([
      {
        text: 'France has decided to withdraw its ambassador. In the next hours our ambassador and several diplomats will return to France',
        partial: false,
        block: 6,
        start: 1,
        end: 124,
        verb: 'told',
        ...MACRON,
      },
      {
        text: 'the months and weeks to come',
        partial: true,
        block: 7,
        start: 81,
        end: 109,
        verb: 'added',
        ...MACRON,
      },
      {
        text: 'In the weeks and months to come, we will consult with the putschists, because we want this to be done peacefully',
        partial: false,
        block: 8,
        start: 1,
        end: 113,
        verb: 'added',
        ...MACRON,
      },
      { text: 'hostage', partial: true, block: 11, start: 81, end: 88, verb: 'reaffirmed', ...MACRON },
      {
        text: 'sole legitimate authority',
        partial: true,
        block: 11,
        start: 108,
        end: 133,
        verb: 'reaffirmed',
        ...MACRON,
      },
      {
        text: 'He was targeted by this coup d’etat because he was carrying out courageous reforms and because there was a largely ethnic settling of scores and a lot of political cowardice',
        partial: false,
        block: 12,
        start: 1,
        end: 174,
        verb: 'argued',
        ...MACRON,
      },
      { text: 'epidemic', partial: true, block: 13, start: 88, end: 96, verb: 'called', ...MACRON },
    ]);
    for (const q of article.quotes) expect(at(q.block, q.start, q.end)).toBe(q.text);
  });

  it('finds the people, places and countries, one entity each', () => {
    const byId = new Map(article.entities.map((e) => [e.id, e]));
    const summary = (id: string) => {
      const e = byId.get(id);
      return (
        e && {
          name: e.name,
          type: e.type,
          countryCode: e.countryCode,
          aliases: [...e.aliases].sort(),
          mentions: e.mentions.length,
        }
      );
    };
    expect(summary('person:emmanuel-macron')).toEqual({
      name: 'Emmanuel Macron',
      type: 'person',
      countryCode: undefined,
      aliases: ['Emmanuel Macron', 'Macron'],
      mentions: 4,
    });
    expect(summary('person:mohamed-bazoum')).toEqual({
      name: 'Mohamed Bazoum',
      type: 'person',
      countryCode: undefined,
      aliases: ['Bazoum', 'Mohamed Bazoum'],
      mentions: 3,
    });
    expect(summary('person:sylvain-itte')).toMatchObject({
      name: 'Sylvain Itte',
      type: 'person',
      mentions: 1,
    });
    expect(summary('country:ne')).toEqual({
      name: 'Niger',
      type: 'place',
      countryCode: 'NE',
      aliases: ['Niger', 'Niger Republic'],
      mentions: 6,
    });
    expect(summary('country:fr')).toEqual({
      name: 'France',
      type: 'place',
      countryCode: 'FR',
      aliases: ['France'],
      mentions: 7,
    });
    expect(summary('country:ml')).toMatchObject({ name: 'Mali', countryCode: 'ML', mentions: 1 });
    expect(summary('country:bf')).toMatchObject({ name: 'Burkina Faso', countryCode: 'BF', mentions: 1 });
    expect(summary('country:gn')).toMatchObject({ name: 'Guinea', countryCode: 'GN', mentions: 1 });
    expect(summary('place:sahel')).toMatchObject({ name: 'Sahel', type: 'place', mentions: 2 });
    expect(summary('place:sahara')).toMatchObject({ name: 'Sahara', type: 'place', mentions: 1 });
    // Titles are not names: no mention covers "President".
    const macron = byId.get('person:emmanuel-macron')!;
    expect(macron.mentions.map((m) => at(m.block, m.start, m.end))).toEqual([
      'Emmanuel Macron',
      'Macron',
      'Macron',
      'Macron',
    ]);
    // Nobody else: no person, organisation or stray word beyond these (and "West African", other).
    expect(article.entities.map((e) => e.id).sort()).toEqual(
      [
        'country:bf',
        'country:fr',
        'country:gn',
        'country:ml',
        'country:ne',
        'other:west-african',
        'person:emmanuel-macron',
        'person:mohamed-bazoum',
        'person:sylvain-itte',
        'place:sahara',
        'place:sahel',
      ].sort(),
    );
  });

  it('links "French troops", "French television" to France as demonyms, not as place mentions', () => {
    const france = article.entities.find((e) => e.id === 'country:fr')!;
    expect(france.demonymMentions?.map((m) => `${m.block}:${at(m.block, m.start, m.end + 7)}`)).toEqual([
      '6:French televi',
      '7:French troops',
      '9:French ambass',
      '10:French govern',
    ]);
    expect(france.mentions.every((m) => at(m.block, m.start, m.end) === 'France')).toBe(true);
  });

  it('finds the dates, unresolved since the article has no publication date', () => {
    expect(article.dates).toEqual([
      { text: 'in July', block: 0, start: 124, end: 131 },
      { text: 'on Sunday', block: 3, start: 4, end: 13 },
      { text: 'on Sunday evening', block: 6, start: 173, end: 190 },
      { text: 'by the end of the year', block: 7, start: 131, end: 153 },
      { text: 'in August', block: 10, start: 49, end: 58 },
    ]);
    expect(article.publishedAt).toBeUndefined();
    // The body names months but no year: no window can be estimated without inventing one.
    expect(article.publishedEstimate).toBeUndefined();
  });

  it('finds the amounts with their counted noun or unit', () => {
    expect(article.amounts).toEqual([
      { text: '1,500 soldiers', value: 1500, unit: 'soldiers', block: 4, start: 17, end: 31 },
      { text: '48-hour ultimatum', value: 48, unit: 'hour', block: 10, start: 6, end: 23 },
    ]);
  });

  it('summarises with the lede and tags with the salient entities', () => {
    expect(article.summary).toBe(article.body[0]!.text);
    expect(article.tags.slice(0, 4).sort()).toEqual(['Emmanuel Macron', 'France', 'Mohamed Bazoum', 'Niger']);
    expect(article.language).toBe('en');
  });
});
