import { describe, expect, it } from 'vitest';
import { liveCase } from '../../../test-support/live-segments';
import { fixture } from '../../../test-support/test-articles';
import { createCorpus } from '../../corpus/create-corpus';
import { typoSources } from '../components/merged-surface';
import { segmentsState } from '../components/segments-state';
import { segmentedCorpus } from '../segmented-corpus';
import { builtAtOnce } from './built-at-once';
import type { SearchParams } from '../../query-schema/query-params-schema';

/** Queries of every kind over a case's words: words, AND, OR, NOT, phrases, prefixes, typos, fields, dates. */
function queries(words: string[], r: () => number): string[] {
  const w = () => words[Math.floor(words.length * r() ** 2)]!;
  const rare = () => words[Math.floor(words.length * (0.5 + r() / 2))]!;
  const typo = (x: string) => {
    const i = Math.floor(r() * x.length);
    return x.slice(0, i) + (x[i] === 'x' ? 'y' : 'x') + x.slice(i + 1);
  };
  return [
    w(),
    rare(),
    `${w()} ${w()}`,
    `${w()} ${w()} ${w()}`,
    `${w()} OR ${rare()}`,
    `${w()} OR ${w()} OR ${w()} OR ${rare()} OR ${rare()}`,
    `${w()} -${w()}`,
    `"${w()} ${w()}"`,
    `${w().slice(0, 2)}*`,
    `${w().slice(0, 3)}* ${w()}`,
    `${w().slice(0, 1)}* OR ${w().slice(0, 2)}*`,
    typo(w()),
    `${typo(rare())} ${w()}`,
    'zqxjvy',
    `title:${w()}`,
    `quote:${w()}`,
    'speaker:ann',
    'person:"bo lund"',
    `org:acme ${w()}`,
    'place:oslo',
    'section:sport',
    `tag:energy ${w()}`,
    'by:kim',
    `year:2024 ${w()}`,
    `after:2024-03-01 ${w()}`,
    `-${w()}`,
    'the of',
  ];
}

const FILTERS: Array<SearchParams['filters']> = [
  undefined,
  { section: 'politics' },
  { tag: 'europe' },
  { after: '2024-02-01', before: '2024-05-01' },
  { entity: 'e_acme' },
  { entity: 'Paris' },
  { country: 'FR' },
];

describe('search over segments', () => {
  it('answers every query as the corpus built at once from the live articles does (hits, snippets, total, facets, cursors, partial)', () => {
    let found = 0;
    let asked = 0;
    let split = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const c = liveCase(seed, 60 + seed * 15);
      if (c.segments >= 3 && c.dead > 0) split++;
      for (const q of queries(c.words, c.random)) {
        const filters = FILTERS[Math.floor(c.random() * FILTERS.length)];
        for (const sort of ['relevance', 'newest', 'oldest'] as const) {
          const params: SearchParams = { q, sort, limit: 4, facets: ['section', 'tag', 'person', 'month'] };
          if (filters) params.filters = filters;
          const once = c.once.search(params);
          asked++;
          if (once.hits.length > 1) found++;
          expect(c.live.search(params), `seed ${seed}: ${q} (${sort}, ${JSON.stringify(filters)})`).toEqual(
            once,
          );
          if (once.nextCursor) {
            const next = { ...params, cursor: once.nextCursor };
            expect(c.live.search(next), `seed ${seed}: ${q} (${sort}), page 2`).toEqual(c.once.search(next));
          }
        }
      }
    }
    // Not vacuous: most queries find several articles, and most corpora are split with dead documents.
    expect(found).toBeGreaterThan(asked / 2);
    expect(split).toBeGreaterThan(3);
  });

  it('after a commit adds a small segment, typo queries (the merged dictionary before it, and the new one) answer as built at once', () => {
    let compared = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const c = liveCase(seed, 120);
      if (c.corpora.length < 2) continue;
      const typo = (x: string) => `${x.slice(0, -1)}${x.endsWith('x') ? 'y' : 'x'}`;
      const asks = c.words
        .filter((w) => w.length >= 5)
        .slice(0, 12)
        .map(typo);
      // The state before the commit merges its dictionaries on its first typo lookup.
      for (const q of asks) c.live.search({ q });
      const small = createCorpus(
        [0, 1].map((i) =>
          fixture({ title: `${c.words[i]} ${typo(c.words[i + 20]!)}`, body: [asks.join(' ')] }),
        ),
      );
      const corpora = [...c.corpora, small];
      const deleted = new Set(c.deleted);
      const live = segmentedCorpus(corpora, { deleted });
      const once = builtAtOnce(segmentsState(corpora, deleted));
      // Not vacuous: the lookups walk the merge made before the commit and the new segment on its own.
      expect(typoSources(segmentsState(corpora, deleted))).toHaveLength(2);
      for (const q of [...asks, ...asks.map((a) => `${a} ${c.words[3]}`)]) {
        const params: SearchParams = { q, limit: 5 };
        expect(live.search(params), `seed ${seed}: ${q}`).toEqual(once.search(params));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('matches a build at once with typos off, and with every article (no query)', () => {
    for (let seed = 11; seed <= 14; seed++) {
      const c = liveCase(seed, 80);
      for (const params of [
        { q: c.words[40]!, typos: 'off' as const },
        { q: '', facets: ['section' as const, 'tag' as const], limit: 50 },
        { q: '', sort: 'oldest' as const, limit: 7 },
      ])
        expect(c.live.search(params)).toEqual(c.once.search(params));
    }
  });
});
