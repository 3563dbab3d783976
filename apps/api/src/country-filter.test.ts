// Issue 18: the country filter reaches every face through the shared filter schema; the API takes it as a
// query parameter on the article routes and refuses what is not an ISO 3166-1 alpha-2 code.
import { createCorpus, parseText } from '@gazette/core';
import { nerRecognizer } from '@gazette/core/ner';
import { withPlaces } from '@gazette/core/places';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';

const recognizer = withPlaces(nerRecognizer);
const articles = [
  parseText(
    'The song festival opened in Viña del Mar on Sunday.',
    { title: 'Festival opens' },
    { recognizer },
  ),
  parseText('The museum reopened in Paris on Sunday.', { title: 'Louvre reopens' }, { recognizer }),
];
const app = createApp({ corpus: createCorpus(articles) });
const titlesOf = async (path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ title: string }> }).items.map((a) => a.title);
};

describe('GET ?country=', () => {
  it('lists the stories set in the country`s places', async () => {
    expect(await titlesOf('/v1/articles?country=CL')).toEqual(['Festival opens']);
    expect(await titlesOf('/v1/articles?country=fr')).toEqual(['Louvre reopens']);
  });

  it('refuses a value that is not a two-letter code', async () => {
    const res = await app.request('/v1/articles?country=Chile');
    expect(res.status).toBe(400);
  });
});
