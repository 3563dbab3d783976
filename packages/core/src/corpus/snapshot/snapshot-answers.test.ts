// The snapshot codec stores the index in compact forms (bit-packed postings, packed entity summaries): a
// corpus loaded from its snapshot must answer every kind of query exactly as the corpus it was taken from
// (ids, scores, snippets, totals, facets, entity summaries), and the summaries must count what the
// articles hold.
import { describe, expect, it } from 'vitest';
import { ruleRecognizer } from '../../enrich/rule-recognizer';
import { withPlaces } from '../../enrich/places/index';
import { parseText } from '../../formats/text/parse-text';
import type { SearchParams } from '../../query-schema/query-params-schema';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { createCorpus, loadCorpus } from '../create-corpus';

const recognizer = withPlaces(ruleRecognizer);
const story = (title: string, text: string, section: string) =>
  parseText(text, { title, section }, { recognizer });
const stories = [
  story(
    'Port strike in Valparaíso',
    'Mayor Ana Ruiz met dockers in Valparaíso on Monday. "We will reopen the port," Ana Ruiz said. The strike spread to Santiago.',
    'business',
  ),
  story(
    'Festival opens',
    'Mayor Ana Ruiz opened the festival in Valparaíso with a parade. "It is a great day for the city," she said.',
    'culture',
  ),
  story(
    'Louvre reopens',
    'The museum reopened in Paris on Monday after a strike. "Visitors are back," said Jean Martin of the Louvre.',
    'culture',
  ),
];
// Common words in most of 400 articles: posting lists long enough to be bit-packed in blocks.
const zipf = zipfCorpus(15, 400);
const articles = [...stories, ...zipf.docs];
const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

/** How many of the queries come first, written by hand for the stories (qualifiers, filters, facets). */
const HAND_WRITTEN = 8;

/** Seeded queries of every kind the engine reads. */
function queries(): SearchParams[] {
  const w = zipf.word;
  const typo = (x: string) => `${x.slice(0, 2)}${x[3] ?? ''}${x[2] ?? ''}${x.slice(4)}`;
  const out: SearchParams[] = [
    { q: 'speaker:"Ana Ruiz"' },
    { q: 'person:"Ana Ruiz"' },
    { q: 'place:Valparaíso' },
    { q: 'entity:Louvre' },
    { q: 'strike', filters: { country: 'CL' } },
    { q: 'title:reopens' },
    { q: 'quote:port' },
    { q: '', filters: { section: 'culture' }, facets: ['section', 'person', 'place'] },
  ];
  for (let i = 0; i < 40; i++)
    out.push(
      { q: w() },
      { q: `${w()} ${w()}`, facets: ['section', 'month'] },
      { q: `${w()} OR ${w()} OR ${w()}`, limit: 20 },
      { q: `"${w()} ${w()}"` },
      { q: typo(w()) },
      { q: `${w().slice(0, 3)}*`, sort: 'newest' },
      { q: `${w()} -${w()}` },
    );
  return out;
}

describe('a corpus loaded from its snapshot', () => {
  const built = createCorpus(articles);
  const loaded = loadCorpus(built.toSnapshot());

  it('answers a seeded query set of every kind exactly as the corpus it was taken from', () => {
    let found = 0;
    for (const p of queries()) {
      const x = built.search(p);
      if (x.total > 0) found++;
      expect(json(loaded.search(p)), JSON.stringify(p)).toEqual(json(x));
    }
    // The set must reach the index, not only miss it: every hand-written query finds an article.
    expect(found).toBeGreaterThan(200);
    for (const p of queries().slice(0, HAND_WRITTEN))
      expect(built.search(p).total, JSON.stringify(p)).toBeGreaterThan(0);
    expect(json(loaded.entities({ limit: 100 }))).toEqual(json(built.entities({ limit: 100 })));
    for (const e of stories.flatMap((a) => a.entities))
      expect(json(loaded.entity(e.id)), e.id).toEqual(json(built.entity(e.id)));
    expect(json(loaded.quotes({ limit: 50 }))).toEqual(json(built.quotes({ limit: 50 })));
    expect(json(loaded.facets())).toEqual(json(built.facets()));
  });

  it('gives entity summaries that count the articles naming each entity, with every alias they give', () => {
    const summaries = loaded.entities({ limit: 100 }).items;
    expect(summaries.length).toBeGreaterThan(3);
    for (const s of summaries) {
      const naming = stories.filter((a) => a.entities.some((e) => e.id === s.id));
      expect(s.articleCount, s.id).toBe(naming.length);
      const first = naming[0]!.entities.find((e) => e.id === s.id)!;
      expect(s.name).toBe(first.name);
      expect(s.type).toBe(first.type);
      for (const a of naming)
        for (const e of a.entities.filter((x) => x.id === s.id))
          expect(s.aliases).toEqual(expect.arrayContaining(e.aliases));
    }
  });
});
