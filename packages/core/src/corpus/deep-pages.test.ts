import { describe, expect, it } from 'vitest';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { fixture } from '../../test-support/test-articles';
import { compareNewest, compareOldest } from './components/compare-articles';
import { createCorpus } from './create-corpus';
import { encodeCursor, fingerprint, MAX_CURSOR_OFFSET } from './components/cursor';
import { ListParamsSchema, SearchParamsSchema } from '../query-schema/query-params-schema';

// More undated articles than the old offset cursors reached (10,000), plus a few dated ones and some
// quotes: small, so the corpus builds in a few seconds on a busy machine.
const UNDATED = MAX_CURSOR_OFFSET + 50;
const words = ['tax', 'vote', 'oil', 'bank'];
const articles: Article[] = [
  ...Array.from({ length: UNDATED }, (_, i) =>
    fixture({
      title: `Note ${i}`,
      body: [`${words[i % 4]} item ${i}`],
      ...(i % 1000 === 7 ? { quotes: [{ text: `Quote ${i}` }, { text: `Again ${i}` }] } : {}),
    }),
  ),
  ...Array.from({ length: 20 }, (_, i) =>
    fixture({ title: `Dated ${i}`, body: ['tax story'], publishedAt: `2024-01-${10 + (i % 5)}` }),
  ),
];
const corpus = createCorpus(articles);

/** Every page of a cursor-paged call, concatenated. */
function walk<T>(call: (cursor: string | undefined) => { items: T[]; nextCursor: string | null }): T[] {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = call(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
function codeOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (e) {
    return e instanceof GazetteError ? e.code : String(e);
  }
  return undefined;
}
const withCursor = (cursor: string | undefined) => (cursor ? { cursor } : {});

describe('deep pages', () => {
  it('list pages past 10,000 undated articles to the last one, newest and oldest first', () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const got = walk((c) => corpus.list({ sort, limit: 100, ...withCursor(c) }));
      const want = [...articles].sort(sort === 'newest' ? compareNewest : compareOldest);
      expect(got.map((a) => a.id)).toEqual(want.map((a) => a.id));
    }
  });

  it('list reads the same order from its end with reverse, page after page, filtered or not', () => {
    for (const sort of ['newest', 'oldest'] as const)
      for (const filters of [undefined, { language: 'en' }]) {
        const want = [...articles].sort(sort === 'newest' ? compareNewest : compareOldest).reverse();
        const first = corpus.list({ sort, reverse: true, limit: 100, ...(filters ? { filters } : {}) });
        expect(first.items.map((a) => a.id)).toEqual(want.slice(0, 100).map((a) => a.id));
        const got = walk((c) => corpus.list({ sort, reverse: true, limit: 100, filters, ...withCursor(c) }));
        expect(got.map((a) => a.id)).toEqual(want.map((a) => a.id));
      }
  });

  it('list pages past 10,000 with a filter (the undated tax notes)', () => {
    const filters = { language: 'en' };
    const got = walk((c) => corpus.list({ filters, q: 'tax', limit: 100, ...withCursor(c) }));
    const want = articles.filter((a) => /tax/.test(a.body[0]!.text)).sort(compareNewest);
    expect(got.map((a) => a.id)).toEqual(want.map((a) => a.id));
  });

  it('search sorted by date pages past 10,000; by relevance refuses past its depth', () => {
    const got = walk((c) => {
      const r = corpus.search({ q: 'item', sort: 'oldest', limit: 100, ...withCursor(c) });
      return { items: r.hits, nextCursor: r.nextCursor };
    });
    expect(got.length).toBe(UNDATED);
    expect(new Set(got.map((h) => h.id)).size).toBe(UNDATED);
    const params = SearchParamsSchema.parse({ q: 'item', limit: 100 });
    const deep = encodeCursor([MAX_CURSOR_OFFSET + 100], fingerprint(params));
    expect(codeOf(() => corpus.search({ q: 'item', limit: 100, cursor: deep }))).toBe('INVALID_CURSOR');
  });

  it('cursors are stable, bound to their query, and validated', () => {
    const first = corpus.list({ limit: 50 });
    expect(corpus.list({ limit: 50 }).nextCursor).toBe(first.nextCursor);
    const second = corpus.list({ limit: 50, cursor: first.nextCursor! });
    expect(corpus.list({ limit: 50, cursor: first.nextCursor! })).toEqual(second);
    const listParams = ListParamsSchema.parse({ limit: 50 });
    for (const bad of [
      () => corpus.list({ limit: 50, sort: 'oldest', cursor: first.nextCursor! }),
      () => corpus.list({ limit: 50, cursor: 'not-a-cursor' }),
      () => corpus.list({ limit: 50, cursor: encodeCursor([3, 'a_1'], fingerprint(listParams)) }),
      () => corpus.entities({ limit: 50, cursor: first.nextCursor! }),
    ])
      expect(codeOf(bad)).toBe('INVALID_CURSOR');
  });

  it('quotes page in corpus order, every one once', () => {
    const got = walk((c) => corpus.quotes({ limit: 3, ...withCursor(c) }));
    const want = [...articles].sort(compareNewest).flatMap((a) => a.quotes.map((q) => q.text));
    expect(got.map((q) => q.text)).toEqual(want);
    const some = walk((c) => corpus.quotes({ q: 'again', limit: 2, ...withCursor(c) }));
    expect(some.map((q) => q.text)).toEqual(want.filter((t) => t.startsWith('Again')));
  });

  it('corpus.articles() yields every article in date order, filtered or not', () => {
    expect(Array.from(corpus.articles(), (a) => a.id)).toEqual(
      [...articles].sort(compareNewest).map((a) => a.id),
    );
    const oldest = Array.from(corpus.articles({ section: 'nope' }, 'oldest'));
    expect(oldest).toEqual([]);
    expect(codeOf(() => corpus.articles({ after: 'soon' }))).toBe('INVALID_PARAMS');
  });
});
