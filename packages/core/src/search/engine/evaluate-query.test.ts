import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { buildIndex } from '../index/build-index';
import { WorkBudget } from '../query/work-budget';
import { type EvalContext, exactTerm, scoreAt } from './evaluate-query';
import { SearchEngine } from './search-engine';
import { analyze } from '../analysis/analyze';

describe('OR of words', () => {
  it("scores each document as the sum of its words' scores in query order, for 2 to 6 words", () => {
    const { docs, word, random: r } = zipfCorpus(16, 500);
    const ix = buildIndex(docs);
    const engine = new SearchEngine(ix);
    for (let q = 0; q < 120; q++) {
      const words = [...new Set(Array.from({ length: 2 + Math.floor(r() * 5) }, word))];
      const { m } = engine.match(words.join(' OR '), undefined);
      // The reference: every word's postings added into one table, in double precision, stored once.
      const ctx: EvalContext = { ix, matched: new Set(), budget: new WorkBudget() };
      const sums = new Map<number, number>();
      for (const w of words) {
        const list = exactTerm(ctx, analyze(w)[0]!);
        for (let i = 0; list && i < list.docs.length; i++)
          sums.set(list.docs[i]!, (sums.get(list.docs[i]!) ?? 0) + scoreAt(list, i));
      }
      const want = [...sums].sort((a, b) => a[0] - b[0]);
      expect([...m.docs], words.join(' ')).toEqual(want.map(([d]) => d));
      // Three or four lists are summed exactly; two from their stored (single precision) scores, and
      // five or more in a single precision table, a rounding apart.
      const round = words.length === 3 || words.length === 4 ? 0 : 1e-6;
      want.forEach(([, s], i) => {
        expect(Math.abs(scoreAt(m, i) - Math.fround(s)), words.join(' ')).toBeLessThanOrEqual(round * s);
      });
    }
  });
});
