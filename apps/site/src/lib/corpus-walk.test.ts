import { type Article, createCorpus } from '@gazette/core';
import { compareNewest } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { allArticles, allSummaries } from './corpus-walk';

// More articles than the core's old cursors reached (10,000), most of them undated: the build must still
// make a page for each one.
function article(i: number, publishedAt?: string): Article {
  const text = `Note number ${i}.`;
  return {
    id: `a_${i.toString(16).padStart(16, '0')}`,
    slug: `note-${i}`,
    title: `Note ${i}`,
    titleSource: 'given',
    byline: [],
    language: 'en',
    tags: [],
    body: [{ kind: 'paragraph', text }],
    related: [],
    quotes: [],
    entities: [],
    dates: [],
    amounts: [],
    wordCount: 3,
    readingMinutes: 1,
    quality: [],
    provenance: { format: 'text', contentHash: '0'.repeat(64), parser: 'test', fields: {} },
    ...(publishedAt ? { publishedAt } : {}),
    ...(i >= 5 ? { section: 'notes' } : {}),
  };
}
const articles = Array.from({ length: 10_050 }, (_, i) =>
  article(i, i < 30 ? `2025-0${1 + (i % 9)}-1${i % 10}T08:00:00Z` : undefined),
);
const corpus = createCorpus(articles);

describe('site build walk', () => {
  it('walks every one of 10,050 mostly undated articles, newest first, for the article pages', () => {
    const want = [...articles].sort(compareNewest).map((a) => a.id);
    expect(allSummaries(corpus).map((a) => a.id)).toEqual(want);
    expect(allArticles(corpus).map((a) => a.id)).toEqual(want);
  });

  it('walks every article of a section (the section pages), past 10,000 too', () => {
    const notes = allSummaries(corpus, { section: 'notes' });
    const want = [...articles].sort(compareNewest).filter((a) => a.section === 'notes');
    expect(want.length).toBeGreaterThan(10_000);
    expect(notes.map((a) => a.id)).toEqual(want.map((a) => a.id));
  });
});
