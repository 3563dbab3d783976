import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorpus, loadCorpus } from './create-corpus';
import { SNAPSHOT_FORMAT } from './snapshot/snapshot-codec';
import { SearchResultSchema } from '../query-schema/query-result-schema';
import { GazetteError } from '../errors/gazette-error';
import { fixture } from '../../test-support/test-articles';

const articles = [
  fixture({
    title: 'Oil prices climb as OPEC cuts output',
    body: [
      'Oil prices rose sharply on Monday after OPEC agreed to cut production.',
      'Analysts expect further gains.',
    ],
    publishedAt: '2023-07-03',
    section: 'business',
    tags: ['energy'],
    entities: [{ id: 'org:opec', name: 'OPEC', type: 'organization' }],
  }),
  fixture({
    title: 'Gas shortage hits Europe',
    body: ['Europe faces a gas shortage this winter, ministers warned.', 'Oil is mentioned once here.'],
    publishedAt: '2023-10-12',
    section: 'business',
    tags: ['energy', 'europe'],
    entities: [{ id: 'place:europe', name: 'Europe', type: 'place' }],
  }),
  fixture({
    title: 'Chief executive of Fiat resigns',
    body: [
      'The chief executive of the carmaker stepped down on Friday.',
      '"We thank him for his service," the board said.',
    ],
    publishedAt: '2022-05-20',
    section: 'business',
    byline: ['Jane Smith'],
    quotes: [{ text: 'We thank him for his service', speaker: 'The board' }],
    entities: [{ id: 'org:fiat', name: 'Fiat', type: 'organization' }],
  }),
  fixture({
    title: 'Football: United beat City in derby',
    body: ['United won the derby 2-1, with the executive box full of chiefs.'],
    publishedAt: '2023-07-03',
    section: 'sport',
    tags: ['football'],
  }),
  fixture({
    title: 'Parliament debates the budget',
    body: ['The government presented its budget to parliament. The economy is expected to grow.'],
    section: 'politics',
    entities: [{ id: 'person:tony-blair', name: 'Tony Blair', type: 'person', aliases: ['Blair'] }],
  }),
  fixture({
    title: '東京の経済ニュース',
    body: ['東京都の経済は成長しています。'],
    publishedAt: '2024-01-15',
    language: 'ja',
  }),
];
const corpus = createCorpus(articles);
const titles = (q: string, extra: object = {}) => corpus.search({ q, ...extra }).hits.map((h) => h.title);

describe('search', () => {
  it('returns the SearchResult shape', () => {
    const r = corpus.search({ q: 'oil' });
    expect(SearchResultSchema.parse(r)).toEqual(r);
    expect(r.total).toBe(2);
  });

  it('ranks a title match above a passing mention', () => {
    expect(titles('oil')).toEqual(['Oil prices climb as OPEC cuts output', 'Gas shortage hits Europe']);
  });

  it('requires every word, and reads OR, NOT and parentheses', () => {
    expect(titles('oil europe')).toEqual(['Gas shortage hits Europe']);
    expect(titles('opec OR derby')).toHaveLength(2);
    expect(titles('oil -gas')).toEqual(['Oil prices climb as OPEC cuts output']);
    expect(titles('(opec OR derby) NOT football')).toEqual(['Oil prices climb as OPEC cuts output']);
    expect(corpus.search({ q: '-oil' }).total).toBe(articles.length - 2);
  });

  it('matches stems and folded forms', () => {
    expect(titles('price')).toContain('Oil prices climb as OPEC cuts output');
    expect(titles('ECONOMIES')).toEqual(['Parliament debates the budget']);
  });

  it('matches exact phrases only', () => {
    expect(titles('"chief executive"')).toEqual(['Chief executive of Fiat resigns']);
    expect(titles('chief executive')).toHaveLength(2);
    expect(titles('"executive chief"')).toEqual([]);
  });

  it('tolerates typos from 5 letters, ranks exact matches first, and not inside phrases', () => {
    expect(titles('parliment')).toEqual(['Parliament debates the budget']);
    expect(titles('shortege')).toEqual(['Gas shortage hits Europe']);
    expect(titles('"gas shortege"')).toEqual([]);
    expect(titles('derbi')).toEqual(['Football: United beat City in derby']); // stem-equal, no typo needed
    expect(titles('oli')).toEqual([]); // 3 letters: no typo allowed
  });

  it('expands prefixes', () => {
    expect(titles('parliam*')).toEqual(['Parliament debates the budget']);
    expect(titles('econ*')).toEqual(['Parliament debates the budget']);
  });

  it('reads field qualifiers and dates', () => {
    expect(titles('title:oil')).toEqual(['Oil prices climb as OPEC cuts output']);
    expect(titles('section:sport')).toEqual(['Football: United beat City in derby']);
    expect(titles('tag:europe')).toEqual(['Gas shortage hits Europe']);
    expect(titles('byline:smith')).toEqual(['Chief executive of Fiat resigns']);
    expect(titles('org:opec')).toEqual(['Oil prices climb as OPEC cuts output']);
    expect(titles('person:blair')).toEqual(['Parliament debates the budget']);
    expect(titles('quote:service')).toEqual(['Chief executive of Fiat resigns']);
    expect(titles('speaker:board')).toEqual(['Chief executive of Fiat resigns']);
    expect(titles('lang:ja')).toEqual(['東京の経済ニュース']);
    expect(titles('year:2023', { sort: 'oldest' })).toEqual([
      'Oil prices climb as OPEC cuts output',
      'Football: United beat City in derby',
      'Gas shortage hits Europe',
    ]);
    expect(titles('oil after:2023-10')).toEqual(['Gas shortage hits Europe']);
    expect(titles('energy')).toEqual([]); // tags are searched with tag:, not as words
    expect(titles('before:2023 section:business')).toEqual(['Chief executive of Fiat resigns']);
  });

  it('finds Japanese words', () => {
    expect(titles('経済')).toEqual(['東京の経済ニュース']);
  });

  it('breaks ties newest first, then by id, and sorts by date', () => {
    const both = corpus.search({ q: 'section:business OR section:sport', sort: 'newest' }).hits;
    expect(both.map((h) => h.title)).toEqual([
      'Gas shortage hits Europe',
      'Oil prices climb as OPEC cuts output',
      'Football: United beat City in derby',
      'Chief executive of Fiat resigns',
    ]);
    const sameDate = corpus.search({ q: 'date OR 2023 OR united OR opec' });
    expect(sameDate.hits.length).toBeGreaterThan(0);
  });

  it('gives plain-text snippets with highlight offsets', () => {
    const hit = corpus.search({ q: 'production' }).hits[0]!;
    const snip = hit.snippets.find((s) => s.field === 'body')!;
    expect(snip.highlights).toHaveLength(1);
    const h = snip.highlights[0]!;
    expect(snip.text.slice(h.start, h.end)).toBe('production');
    const title = corpus.search({ q: 'oil' }).hits[0]!.snippets.find((s) => s.field === 'title')!;
    expect(title.text.slice(title.highlights[0]!.start, title.highlights[0]!.end)).toBe('Oil');
  });

  it('pages with stable cursors that other queries refuse', () => {
    const all = corpus.search({ q: 'section:business', limit: 3 }).hits.map((h) => h.id);
    const first = corpus.search({ q: 'section:business', limit: 2 });
    const second = corpus.search({ q: 'section:business', limit: 2, cursor: first.nextCursor! });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(all);
    expect(second.nextCursor).toBeNull();
    expect(() => corpus.search({ q: 'oil', limit: 2, cursor: first.nextCursor! })).toThrow(GazetteError);
  });

  it('counts facets over all matches', () => {
    const r = corpus.search({ q: 'section:business OR section:sport', facets: ['section', 'tag', 'month'] });
    expect(r.facets.section).toEqual([
      { value: 'business', count: 3 },
      { value: 'sport', count: 1 },
    ]);
    expect(r.facets.tag?.[0]).toEqual({ value: 'energy', count: 2 });
    expect(r.facets.month).toContainEqual({ value: '2023-07', count: 2 });
  });

  it('applies filters', () => {
    expect(titles('oil', { filters: { section: 'Business', after: '2023-08' } })).toEqual([
      'Gas shortage hits Europe',
    ]);
    expect(titles('', { filters: { entity: 'blair' } })).toEqual(['Parliament debates the budget']);
  });

  it('errors typed on a bad date, and never on odd input', () => {
    expect(() => corpus.search({ q: 'after:2023-99' })).toThrow(GazetteError);
    for (const q of ['"', '(', ')', '-', '*', 'title:', 'NOT', 'OR OR', '"" ""', 'the', '\u0000\uffff']) {
      expect(SearchResultSchema.safeParse(corpus.search({ q })).success).toBe(true);
    }
  });
});

describe('search on any input (property)', () => {
  it('returns a valid result or a typed INVALID_QUERY error', () => {
    const pieces = fc.constantFrom(
      'oil',
      '"',
      '(',
      ')',
      '-',
      '*',
      'OR',
      'NOT',
      'title:',
      'year:',
      ' ',
      'é',
      '経済',
      'parliment',
    );
    const arb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(pieces, { maxLength: 30 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('relevance', 'newest', 'oldest'), (q, sort) => {
        try {
          expect(SearchResultSchema.safeParse(corpus.search({ q, sort: sort as 'relevance' })).success).toBe(
            true,
          );
        } catch (e) {
          if (!(e instanceof GazetteError) || e.code !== 'INVALID_QUERY') throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('related, facets and timeline', () => {
  it('finds related articles by shared terms', () => {
    const r = corpus.related(articles[0]!.id);
    expect(r.items.map((i) => i.title)).toContain('Gas shortage hits Europe');
    expect(r.items.map((i) => i.title)).not.toContain('東京の経済ニュース');
    expect(r.items.map((i) => i.id)).not.toContain(articles[0]!.id);
  });

  it('counts per month for a query', () => {
    const t = corpus.timeline({ q: 'tag:energy OR tag:football' });
    expect(t.buckets).toEqual([
      { start: '2023-07-01', count: 2 },
      { start: '2023-10-01', count: 1 },
    ]);
    expect(t.total).toBe(3);
  });

  it('facets() honours q', () => {
    expect(corpus.facets({ q: 'oil', facets: ['section'] })).toEqual({
      section: [{ value: 'business', count: 2 }],
    });
  });
});

describe('snapshot', () => {
  it('round-trips through bytes with identical results', () => {
    // A copy at an odd offset, as a file read into a pooled buffer may be: views need alignment.
    const bytes = corpus.toSnapshot();
    const odd = new Uint8Array(bytes.length + 3);
    odd.set(bytes, 3);
    const loaded = loadCorpus(odd.subarray(3));
    expect(loaded.size).toBe(corpus.size);
    for (const q of ['oil', '"chief executive"', 'parliment', 'econ*', 'section:business', '経済', '']) {
      const p = { q, facets: ['section', 'person'] as const, limit: 3 };
      expect(loaded.search({ ...p, facets: [...p.facets] })).toEqual(
        corpus.search({ ...p, facets: [...p.facets] }),
      );
    }
    for (const a of articles) expect(loaded.get(a.slug)).toEqual(a);
    expect(loaded.list()).toEqual(corpus.list());
    expect(loaded.related(articles[0]!.id)).toEqual(corpus.related(articles[0]!.id));
    expect(loaded.timeline({ q: 'oil' })).toEqual(corpus.timeline({ q: 'oil' }));
  });

  it('refuses something that is not a snapshot, or a damaged one', () => {
    expect(() => loadCorpus({ format: 'nope' })).toThrow(GazetteError);
    expect(() => loadCorpus({ format: 'gazette-snapshot', version: 2, articles: [] })).toThrow(/format 2/);
    expect(() => loadCorpus(new TextEncoder().encode('{"format":"gazette-snapshot"}'))).toThrow(GazetteError);
    const bytes = corpus.toSnapshot();
    expect(() => loadCorpus(bytes.subarray(0, bytes.length - 9))).toThrow(GazetteError);
    const older = bytes.slice();
    older[7] = 3;
    expect(() => loadCorpus(older)).toThrow(
      new RegExp(`format 3; this Gazette reads format ${SNAPSHOT_FORMAT}\\b`),
    );
    const header = bytes.slice();
    header[20] = 0x7b; // inside the JSON header
    expect(() => loadCorpus(header)).toThrow(GazetteError);
  });

  it('refuses every damaged byte at load or at its first read, so no query is ever answered from damaged bytes', () => {
    const bytes = corpus.toSnapshot();
    // Every read a corpus offers over its stored content (records, texts through snippets, entity
    // summaries): each must give what the undamaged corpus gives, or a typed error.
    const reads = (c: typeof corpus) => [
      ...articles.map((a) => () => c.get(a.slug)),
      ...articles.map((a) => () => c.search({ q: a.title, limit: 10 })),
      () => c.entities({ limit: 100 }),
    ];
    const expected = reads(corpus).map((read) => read());
    // Every byte of the file, one at a time, set to 0xff (bytes that already were 0xff are not damage).
    let damaged = 0;
    let lazy = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0xff) continue;
      const bad = bytes.slice();
      bad[i] = 0xff;
      damaged++;
      let loaded: typeof corpus;
      try {
        loaded = loadCorpus(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(GazetteError);
        continue;
      }
      // Loaded: the byte is in stored content checked as it is read. Every read up to the first that
      // reaches it answers as the undamaged corpus does; one must reach it, and refuse.
      lazy++;
      const refused = reads(loaded).findIndex((read, k) => {
        try {
          expect(read()).toEqual(expected[k]);
          return false;
        } catch (e) {
          expect(e, `byte ${i}, read ${k}`).toBeInstanceOf(GazetteError);
          return true;
        }
      });
      if (refused < 0) expect.fail(`byte ${i} of ${bytes.length} set to 0xff was never refused`);
    }
    expect(damaged).toBeGreaterThan(bytes.length / 2);
    expect(lazy).toBeGreaterThan(0);
  }, 120_000); // One load per damaged byte: seconds alone, minutes on a busy 2-core machine.

  it('still reads version 1 snapshots', () => {
    expect(loadCorpus({ format: 'gazette-snapshot', version: 1, articles }).search({ q: 'oil' }).total).toBe(
      2,
    );
  });
});
