import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { buildIndex } from '../index/build-index';
import { type Matches, scoreAt, typosAt } from './evaluate-query';
import { topByRelevance } from './rank-top';
import { SearchEngine } from './search-engine';

/** The reference order: every match compared with every other (fewer typos, higher score, older index). */
function exhaustive(m: Matches, k: number): number[] {
  const idx = Array.from({ length: m.docs.length }, (_, i) => i);
  idx.sort((i, j) => typosAt(m, i) - typosAt(m, j) || scoreAt(m, j) - scoreAt(m, i) || i - j);
  return idx.slice(0, k);
}

describe('topByRelevance', () => {
  it('picks the same results in the same order as sorting every match, over seeded queries', () => {
    const { docs, word, random: r } = zipfCorpus(15, 600);
    const engine = new SearchEngine(buildIndex(docs));
    let compared = 0;
    for (let q = 0; q < 300; q++) {
      const n = 1 + Math.floor(r() * 3);
      const ws = Array.from({ length: n }, word);
      // AND, OR, a misspelt word (typo counts), and a prefix (expansions merged by max).
      const kind = q % 4;
      const text =
        kind === 0
          ? ws.join(' ')
          : kind === 1
            ? ws.join(' OR ')
            : kind === 2
              ? `${ws[0]!.slice(1)}q`
              : `${ws[0]!.slice(0, 2)}*`;
      const { m } = engine.match(text, undefined);
      for (const k of [1, 10, 37]) expect(topByRelevance(m, k), text).toEqual(exhaustive(m, k));
      compared += m.docs.length;
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('stops at a list whose highest impact is held by the worst kept, and picks what a full pass picks', () => {
    const docs = Uint32Array.from({ length: 500 }, (_, i) => i * 3);
    for (const atMax of [0, 3, 10, 40]) {
      // Impacts below 200, but `atMax` documents spread over the list at 200 (the list's highest).
      const imp = Uint8Array.from({ length: 500 }, (_, i) =>
        i % Math.floor(500 / Math.max(1, atMax)) === 7 && atMax ? 200 : (i * 37) % 200,
      );
      const m: Matches = { docs, scores: null, imp, impMax: Math.max(...imp), mult: 0.25, typos: null };
      for (const k of [1, 10, 37]) expect(topByRelevance(m, k)).toEqual(exhaustive(m, k));
    }
  });

  it('breaks ties by document order when every score is alike', () => {
    const docs = new Uint32Array([2, 5, 9, 11, 40]);
    const flat: Matches = { docs, scores: null, imp: new Uint8Array(5).fill(7), mult: 0.5, typos: null };
    expect(topByRelevance(flat, 3)).toEqual([0, 1, 2]);
    const none: Matches = { docs, scores: null, typos: null };
    expect(topByRelevance(none, 2)).toEqual([0, 1]);
  });
});
