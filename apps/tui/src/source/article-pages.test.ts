import { type Article, createCorpus } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { manyArticles, manyCopies } from '../testing/fixture-articles';
import { articlePages } from './article-pages';
import type { GazetteSource } from './gazette-source';
import { localSource } from './local-source';

/** Articles on few distinct dates, so many share a date (rows of one date come in id order in both sorts). */
function crowded(count: number, dates: number): Article[] {
  return manyArticles(count).map((a, i) => ({
    ...a,
    publishedAt: `2023-0${1 + (i % dates)}-15T08:00:00Z`,
  }));
}

/** Counts the source's calls, to show how much reaching the end costs. */
function counted(source: GazetteSource) {
  let calls = 0;
  const wrapped: GazetteSource = {
    ...source,
    list: (p) => {
      calls++;
      return source.list(p);
    },
  };
  return { source: wrapped, calls: () => calls };
}

async function everyRow(source: GazetteSource, sort: 'newest' | 'oldest') {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const r = await source.list({ sort, limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...r.items.map((a) => a.id));
    cursor = r.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('reading a list from its end', () => {
  for (const sort of ['newest', 'oldest'] as const)
    it(`gives the last rows of ${sort} in order, ties included, page after page back to the start`, async () => {
      const corpus = createCorpus([...crowded(450, 7), ...manyArticles(260)]);
      const local = localSource(corpus);
      const expected = await everyRow(local, sort);
      const tail = articlePages(local, sort, undefined).tail!;
      let rows: string[] = [];
      let loaded: Awaited<ReturnType<typeof tail>> & object = { items: [] };
      const all = [] as typeof loaded.items;
      for (let i = 0; i < 50 && all.length < corpus.size; i++) {
        const page = await tail(all, corpus.size);
        expect(page).toBeDefined();
        loaded = page!;
        expect(loaded.items.length).toBeGreaterThan(0);
        all.unshift(...loaded.items);
        rows = all.map((a) => a.id);
        // What is loaded is always exactly the end of the list.
        expect(rows).toEqual(expected.slice(expected.length - rows.length));
      }
      expect(rows).toEqual(expected);
    });

  it('reaches the end of a long list in a few calls', async () => {
    const { source, calls } = counted(localSource(createCorpus(manyCopies(3000))));
    const last = await articlePages(source, 'newest', undefined).tail!([], 3000);
    expect(last!.items.at(-1)!.title).toBe('Story 2999');
    expect(last!.items.length).toBeGreaterThanOrEqual(50);
    expect(calls()).toBeLessThanOrEqual(2);
  });

  it('reaches undated rows too (they come last in both sorts), past 10,000 of them', async () => {
    const undated = manyCopies(10_050).map(({ publishedAt: _, ...a }) => a as Article);
    const corpus = createCorpus([...manyArticles(20), ...undated]);
    const { source, calls } = counted(localSource(corpus));
    const last = await articlePages(source, 'newest', undefined).tail!([], corpus.size);
    const ids = [...undated].map((a) => a.id).sort();
    expect(last!.items.at(-1)!.id).toBe(ids.at(-1));
    expect(last!.items.map((a) => a.id)).toEqual(ids.slice(-last!.items.length));
    expect(calls()).toBe(1);
  });
});
