// Compares two corpora over many queries (list, get, search, facets, entities, quotes, timeline,
// related): the live corpus over segments must answer as a corpus built at once from the same articles.
import { expect } from 'vitest';
import type { Corpus } from '../src/corpus/components/corpus-types';

const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;

export function expectSameAnswers(live: Corpus, atOnce: Corpus, words: readonly string[]): void {
  expect(live.size).toBe(atOnce.size);
  const ids = atOnce.list({ limit: 100 }).items.map((a) => a.id);
  expect(json(live.list({ limit: 100 }))).toEqual(json(atOnce.list({ limit: 100 })));
  const page = atOnce.list({ limit: 3 });
  expect(json(live.list({ limit: 3 }))).toEqual(json(page));
  if (page.nextCursor)
    expect(json(live.list({ limit: 3, cursor: page.nextCursor }))).toEqual(
      json(atOnce.list({ limit: 3, cursor: page.nextCursor })),
    );
  expect(json(live.list({ sort: 'oldest', limit: 5 }))).toEqual(
    json(atOnce.list({ sort: 'oldest', limit: 5 })),
  );
  for (const id of ids) {
    expect(json(live.get(id)), id).toEqual(json(atOnce.get(id)));
    expect(json(live.related(id)), `related ${id}`).toEqual(json(atOnce.related(id)));
  }
  for (const q of [...words, words.slice(0, 2).join(' '), `"the ${words[0]}"`, 'Report']) {
    expect(json(live.search({ q })), q).toEqual(json(atOnce.search({ q })));
    expect(json(live.search({ q, sort: 'newest', limit: 3 })), q).toEqual(
      json(atOnce.search({ q, sort: 'newest', limit: 3 })),
    );
  }
  expect(json(live.facets())).toEqual(json(atOnce.facets()));
  expect(json(live.entities())).toEqual(json(atOnce.entities()));
  expect(json(live.quotes())).toEqual(json(atOnce.quotes()));
  expect(json(live.timeline())).toEqual(json(atOnce.timeline()));
  expect([...live.articles()].map((a) => a.id)).toEqual([...atOnce.articles()].map((a) => a.id));
}
