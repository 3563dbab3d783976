import { describe, expect, it } from 'vitest';
import { otherArticle, storyArticle } from '../../test-support/store-contract';
import { createCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import { parseText } from '../formats/text/parse-text';
import { alertFeedArticles } from './alert-feed';
import { ALERT_BATCH, checkMatchQuery, newMatches } from './new-matches';

const dated = (n: number, section: string, words: string) =>
  parseText(`${words} in report ${n}.\nMore on ${words}.\n`, {
    title: `Report ${n}`,
    publishedAt: `2026-03-0${n}T10:00:00Z`,
    section,
    url: `https://example.com/${n}`,
  });

describe('newMatches', () => {
  const bridge = storyArticle('https://example.com/bridge');
  const others = [0, 1, 2].map((n) => otherArticle(`https://example.com/other-${n}`, n));

  it('matches a query with the search language, typos off, and filters alone without words', () => {
    const batch = [
      dated(1, 'news', 'harbour bridge'),
      dated(2, 'science', 'harbour glacier'),
      dated(3, 'science', 'harbor'),
    ];
    const match = newMatches(batch);
    expect(match({ q: 'harbour' }).map((a) => a.title)).toEqual(['Report 2', 'Report 1']);
    expect(match({ q: 'harbour', filters: { section: 'science' } }).map((a) => a.title)).toEqual([
      'Report 2',
    ]);
    expect(match({ filters: { section: 'science' } }).map((a) => a.title)).toEqual(['Report 3', 'Report 2']);
    expect(match({ q: 'volcano' })).toEqual([]);
  });

  it('takes an article listed twice once, and refuses more than a batch', () => {
    expect(newMatches([bridge, bridge, ...others])({ q: 'bridge' }).map((a) => a.id)).toEqual([bridge.id]);
    const many = Array.from({ length: ALERT_BATCH + 1 }, (_, n) =>
      otherArticle(`https://example.com/m${n}`, n),
    );
    expect(() => newMatches(many)).toThrow(RangeError);
  });

  it('refuses a query search refuses, with its typed error', () => {
    expect(() => checkMatchQuery({ q: 'bridge after:2023-13' })).toThrow(GazetteError);
    expect(() => checkMatchQuery({ q: 'bridge' })).not.toThrow();
  });
});

describe('alertFeedArticles', () => {
  it("lists the corpus's newest matches of the alert's query, typos off, at most the limit", () => {
    const corpus = createCorpus([1, 2, 3, 4].map((n) => dated(n, 'news', n === 4 ? 'glaciar' : 'glacier')));
    expect(alertFeedArticles(corpus, { query: 'glacier' }).map((a) => a.title)).toEqual([
      'Report 3',
      'Report 2',
      'Report 1',
    ]);
    expect(alertFeedArticles(corpus, { query: 'glacier' }, 2)).toHaveLength(2);
  });
});
