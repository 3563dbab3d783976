import { describe, expect, it, vi } from 'vitest';
import { createCorpus } from './create-corpus';
import { QUERY_LIMITS } from '../query-schema/query-params-schema';
import { isGazetteError } from '../errors/gazette-error';
import { buildIndex } from '../search/index/build-index';
import { SearchEngine } from '../search/engine/search-engine';
import { fixture } from '../../test-support/test-articles';
import { TYPO_UNIT, WORK_BUDGET } from '../search/query/work-budget';
import { typoCandidates } from '../search/engine/typo-candidates';

// Words of two letters and a tail: 'aa0b', 'ab1c', …: many distinct words under each two-letter start.
const STARTS = 'aa ab ac ad ae af ag ah'.split(' ');
const wordsOf = (start: string) => Array.from({ length: 90 }, (_, i) => `${start}${i.toString(36)}x`);
const articles = Array.from({ length: 40 }, (_, n) =>
  fixture({
    title: `Report ${n} on ${STARTS.map((s) => wordsOf(s)[n]).join(' ')}`,
    body: [
      STARTS.flatMap((s) => wordsOf(s).filter((_, i) => i % 40 === n % 40)).join(' '),
      `Common words for every article: market report number ${n}.`,
    ],
    publishedAt: `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    section: n % 2 ? 'business' : 'politics',
  }),
);
const corpus = createCorpus(articles);

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isGazetteError(error)) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('query term limit, counted after parsing', () => {
  const prefixes = (n: number) => Array.from({ length: n }, (_, i) => `(${STARTS[i % 8]}*)`).join('|');

  it('counts each word of (aa*)|(ab*)|… written without spaces, for search, facets and timeline alike', () => {
    expect(corpus.search({ q: prefixes(QUERY_LIMITS.maxQueryTerms) }).total).toBeGreaterThan(0);
    for (const run of [
      () => corpus.search({ q: prefixes(166) }),
      () => corpus.facets({ q: prefixes(33) }),
      () => corpus.timeline({ q: prefixes(33) }),
    ]) {
      const e = refusal(run);
      expect(e.code).toBe('INVALID_PARAMS');
      expect(e.details.where).toBe('q');
      expect(e.message).toMatch(/at most 32/);
    }
  });

  it('counts each word of a phrase and each date', () => {
    const phrase = `"${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')}"`;
    expect(() => corpus.search({ q: `${phrase} market` })).not.toThrow();
    expect(refusal(() => corpus.search({ q: `${phrase} market year:2024 report` })).details.where).toBe('q');
  });

  it('bounds the words of a quotation search the same way', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(corpus.quotes({ q: words(QUERY_LIMITS.maxQueryTerms) }).total).toBe(0);
    expect(refusal(() => corpus.quotes({ q: words(33) })).details.where).toBe('q');
  });

  it('still reports an impossible date with its offset, not as a term count', () => {
    expect(refusal(() => corpus.search({ q: 'market after:2023-13' })).code).toBe('INVALID_QUERY');
  });
});

describe('query work budget', () => {
  const ix = buildIndex(articles);

  it('leaves out what does not fit and says so: partial, total a lower bound', () => {
    const q = STARTS.map((s) => `${s}*`).join(' OR ');
    const full = new SearchEngine(ix).match(q, undefined);
    expect(full.budget.exhausted).toBe(false);
    const small = new SearchEngine(ix, 60).match(q, undefined);
    expect(small.budget.exhausted).toBe(true);
    expect(small.m.docs.length).toBeLessThan(full.m.docs.length);
    expect(corpus.search({ q }).partial).toBe(false);
  });

  it('pays for facet counts from the same budget', () => {
    const engine = new SearchEngine(ix, 45);
    const found = engine.match('market', { section: 'business' });
    expect(found.budget.exhausted).toBe(false);
    const facets = engine.facets(found.m, ['section', 'month'], 10, found.budget);
    expect(found.budget.exhausted).toBe(true);
    const counted = (facets.section ?? []).reduce((n, v) => n + v.count, 0);
    expect(counted).toBeLessThan(found.m.docs.length);
    // Every document: counted once per corpus, even with nothing left of the budget.
    const all = engine.match(undefined, undefined);
    const every = engine.facets(all.m, ['section'], 10, found.budget);
    expect(every.section!.reduce((n, v) => n + v.count, 0)).toBe(articles.length);
  });

  it('pays for a typo lookup by the steps its walk takes, and leaves it out when they do not fit', () => {
    const walk = typoCandidates(ix, 'markte', 1)!;
    expect(walk.steps).toBeGreaterThan(0);
    const full = new SearchEngine(ix).match('markte', undefined);
    expect(full.budget.exhausted).toBe(false);
    expect([...full.matched]).toContain('market');
    expect(full.m.docs.length).toBe(articles.length);
    expect(WORK_BUDGET.maxQueryWork - full.budget.left).toBeGreaterThanOrEqual(walk.steps * TYPO_UNIT);
    // One step short: the walk stops, the word finds nothing, and the answer says it is partial.
    const short = new SearchEngine(ix, walk.steps * TYPO_UNIT - 1).match('markte', undefined);
    expect(short.budget.exhausted).toBe(true);
    expect(short.budget.left).toBe(0);
    expect(short.m.docs.length).toBe(0);
  });

  it('shares the expansions of a query between its prefix words', () => {
    const engine = new SearchEngine(ix);
    const aa = (matched: Set<string>) => [...matched].filter((t) => t.startsWith('aa')).length;
    expect(aa(engine.match('aa*', undefined).matched)).toBe(WORK_BUDGET.maxWordExpansions);
    // 32 prefix words share the expansions evenly.
    const others = Array.from({ length: 31 }, (_, i) => `zz${i}*`);
    const { matched } = engine.match(['aa*', ...others].join(' OR '), undefined);
    expect(aa(matched)).toBe(WORK_BUDGET.maxQueryExpansions / 32);
  });

  it('makes snippets from the text lists of at most 64 matched terms, however many matched', () => {
    const engine = new SearchEngine(ix);
    const found = engine.match(STARTS.map((s) => `${s}*`).join(' OR '), undefined);
    expect(found.matched.size).toBeGreaterThan(3 * 64);
    const reads = vi.spyOn(ix.positions, 'cursor');
    const page = engine.page(found, 'relevance', 0, 100);
    expect(page.hits.length).toBe(found.m.docs.length);
    expect(page.hits.every((h) => h.snippets.some((s) => s.highlights.length > 0))).toBe(true);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(64);
    reads.mockRestore();
  });
});
