import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { buildIndex } from '../index/build-index';
import { type Matches, scoreAt } from './evaluate-query';
import { PendingUnion } from './pending-union';
import { topByRelevance } from './rank-top';
import { SearchEngine } from './search-engine';

/** The page a list of matches gives: documents and scores of the best k, in rank order. */
function page(m: Matches, k: number): Array<[number, number]> {
  return topByRelevance(m, k).map((i) => [m.docs[i]!, scoreAt(m, i)]);
}

describe('PendingUnion', () => {
  it('ranks and counts an OR of 2 to 4 words as listing every match does, over seeded queries', () => {
    const { docs, word, random: r } = zipfCorpus(17, 600);
    const engine = new SearchEngine(buildIndex(docs));
    let pending = 0;
    for (let q = 0; q < 200; q++) {
      const text = Array.from({ length: 2 + Math.floor(r() * 3) }, word).join(' OR ');
      const pruned = engine.match(text, undefined).m;
      if (!(pruned instanceof PendingUnion)) continue;
      pending++;
      const k = [1, 10, 25][q % 3]!;
      const { top, total } = pruned.best(k);
      // The same query listed in full (a fresh evaluation, read through its documents).
      const full = engine.match(text, undefined).m;
      expect(total, text).toBe(full.docs.length);
      expect(page(top, k), text).toEqual(page(full, k));
    }
    expect(pending).toBeGreaterThan(150);
  });

  it('scores only the documents that may enter the best k (MaxScore), and still counts every match', () => {
    const { docs, word, random: r } = zipfCorpus(19, 600);
    const engine = new SearchEngine(buildIndex(docs));
    let scored = 0;
    let total = 0;
    for (let q = 0; q < 100; q++) {
      const text = Array.from({ length: 2 + Math.floor(r() * 3) }, word).join(' OR ');
      const m = engine.match(text, undefined).m;
      if (!(m instanceof PendingUnion)) continue;
      const best = m.best(10);
      expect(best.total, text).toBe(engine.match(text, undefined).m.docs.length);
      expect(best.scored, text).toBeLessThanOrEqual(best.total);
      scored += best.scored;
      total += best.total;
    }
    // Documents held only by common, low-scoring words are skipped once ten better are held.
    expect(scored).toBeLessThan(total * 0.8);
  });

  it('given a score to reach, keeps exactly the best k that reach it (ties included) and still counts every match', () => {
    const { docs, word, random: r } = zipfCorpus(23, 600);
    const engine = new SearchEngine(buildIndex(docs));
    let cut = 0;
    for (let q = 0; q < 150; q++) {
      const text = Array.from({ length: 2 + Math.floor(r() * 3) }, word).join(' OR ');
      const m = engine.match(text, undefined).m;
      if (!(m instanceof PendingUnion)) continue;
      const k = 10;
      const all = page(engine.match(text, undefined).m, k);
      // A score to reach from the page itself (a tie with a held document), or past every score.
      const below = [all[Math.floor(r() * all.length)]![1], all[0]![1] * 2][q % 2]!;
      const best = m.best(k, below);
      expect(best.total, text).toBe(engine.match(text, undefined).m.docs.length);
      const expected = all.filter(([, s]) => s >= below);
      expect(page(best.top, k), text).toEqual(expected);
      if (expected.length < all.length) cut++;
    }
    expect(cut).toBeGreaterThan(50);
  });

  it('lists every match with the same scores when a filter or facet reads it all', () => {
    const { docs, word } = zipfCorpus(18, 300);
    const engine = new SearchEngine(buildIndex(docs));
    const text = `${word()} OR ${word()} OR ${word()}`;
    const m = engine.match(text, undefined).m;
    const best = m instanceof PendingUnion ? m.best(5).top : m;
    expect(page(best, 5)).toEqual(page(m, 5));
    expect(m.docs.length).toBe(engine.match(text, undefined).m.docs.length);
  });
});
