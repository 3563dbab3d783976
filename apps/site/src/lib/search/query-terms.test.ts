import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, shardKey } from './index-terms';
import { editDistance, queryTerms, termMatches } from './query-terms';

describe('queryTerms', () => {
  it('keeps positive words, drops negated words and date qualifiers, and notices OR', () => {
    expect(queryTerms('Niger junta')).toEqual({
      groups: [
        { terms: ['niger'], prefix: false },
        { terms: ['junta'], prefix: false },
      ],
      union: false,
    });
    const q = queryTerms('"French troops" -coup NOT ambassador after:2023-07 section:world mac* OR Bazoum');
    expect(q.union).toBe(true);
    expect(q.groups.map((g) => g.terms.join(' '))).toEqual(['french', 'troops', 'world', 'mac', 'bazoum']);
    expect(q.groups.find((g) => g.terms[0] === 'mac')?.prefix).toBe(true);
    expect(queryTerms('-only NOT negated').groups).toEqual([]);
  });
});

describe('termMatches', () => {
  it('matches the same word, stem-like forms, prefixes and typos within the budget', () => {
    expect(termMatches('election', 'elections', false)).toBe(true);
    expect(termMatches('goverment', 'government', false)).toBe(true);
    expect(termMatches('cat', 'category', false)).toBe(false);
    expect(termMatches('cat', 'category', true)).toBe(true);
    expect(termMatches('bank', 'band', false)).toBe(false);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('postings', () => {
  it('round-trip through the compact encoding', () => {
    const docs = [0, 3, 4, 40, 1000, 123456];
    expect(decodePostings(encodePostings(docs))).toEqual(docs);
    expect(decodePostings('')).toEqual([]);
    expect(shardKey('élan')).toBe(shardKey('élu'));
    expect(shardKey('中文')).toMatch(/^[0-9a-f-]+$/);
  });
});
