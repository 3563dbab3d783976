import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../../../test-support/test-articles';
import { buildIndex } from '../index/build-index';
import { SearchEngine } from './search-engine';

// Two words each in many texts that meet in few documents: a phrase of them has few candidates.
const alone = (word: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    fixture({ title: `Note ${word} ${i}`, body: [`The ${word} report ${i}.`] }),
  );
const inOrder = fixture({ title: 'Quarterly', body: ['Markets saw alpha beta gains today.'] });
const reversed = fixture({ title: 'Weekly', body: ['Markets saw beta then alpha gains.'] });
const apart = fixture({ title: 'Daily', body: ['An alpha paragraph.', 'A beta paragraph.'] });
const articles = [...alone('alpha', 80), ...alone('beta', 80), inOrder, reversed, apart];

describe('a phrase with few candidates', () => {
  it('checks only the texts of the documents holding every word, and finds the one holding the phrase', () => {
    const ix = buildIndex(articles);
    const engine = new SearchEngine(ix);
    const wholeLists = vi.spyOn(ix.positions, 'texts');
    const found = engine.match('"alpha beta"', undefined);
    const page = engine.page(found, 'relevance', 0, 10);
    // Neither word's whole text list is read: the three candidates' texts are sought in their blocks.
    expect(wholeLists).not.toHaveBeenCalled();
    wholeLists.mockRestore();
    expect(page.total).toBe(1);
    expect(page.hits.map((h) => h.id)).toEqual([inOrder.id]);
    // Either word alone, or both in any order, still finds every document holding them.
    expect(engine.page(engine.match('alpha beta', undefined), 'relevance', 0, 10).total).toBe(3);
  });
});

// Two words together in many documents, in order in a few: the documents holding the texts with the
// phrase are sought among the many candidates (not every candidate read), and are the same.
describe('a phrase whose words meet in many documents', () => {
  it('finds exactly the documents holding the words in order, and counts them', () => {
    const together = Array.from({ length: 120 }, (_, i) =>
      fixture({ title: `Brief ${i}`, body: [`The gamma rose as delta fell ${i}.`] }),
    );
    const ordered = [7, 55, 101].map((i) =>
      fixture({ title: `Story ${i}`, body: [`Then gamma delta arrived ${i}.`] }),
    );
    const ix = buildIndex([...together, ...ordered]);
    const engine = new SearchEngine(ix);
    const page = engine.page(engine.match('"gamma delta"', undefined), 'relevance', 0, 10);
    expect(page.total).toBe(3);
    expect(new Set(page.hits.map((h) => h.id))).toEqual(new Set(ordered.map((a) => a.id)));
    expect(engine.page(engine.match('gamma delta', undefined), 'relevance', 0, 10).total).toBe(123);
  });
});
