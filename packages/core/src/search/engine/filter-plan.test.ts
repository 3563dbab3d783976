import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { fixture } from '../../../test-support/test-articles';
import type { Article } from '../../model/article-schema';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { fold } from '../analysis/fold';
import { buildIndex } from '../index/build-index';
import { highestImpact, type Matches, scoreAt, typosAt } from './matches';
import { FilterPlans, passingIndexes } from './filter-plan';
import { SearchEngine } from './search-engine';
import { WorkBudget } from '../query/work-budget';

// A seeded corpus with every filterable column: one section a document, 0-3 tags, regional languages,
// two sources, a few undated documents, and entities (for an entity filter beside the others).
const r = seededRandom(16);
const WORDS = ['budget', 'match', 'vote', 'league', 'tax', 'court', 'film', 'oil', 'bank', 'strike'];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const articles: Article[] = Array.from({ length: 400 }, (_, i) => {
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return fixture({
    title: `${text(3)} ${i}`,
    body: [text(12), text(20)],
    // Two stored sections fold alike: a filter on either keeps both (no one value to count them by).
    section: pick(['Politics', 'politics', 'sport', 'business', 'tech']),
    tags: [
      ...Array.from({ length: Math.floor(r() * 4) }, () => pick(['europe', 'Energy', 'asia', 'trade'])),
      // A tag on about 1 in 100 articles: its filter keeps its few documents as a list.
      ...(i % 97 === 5 ? ['rare'] : []),
    ],
    language: pick(['en', 'en-GB', 'fr']),
    source: pick(['Wire', 'Daily']),
    entities: r() < 0.3 ? [{ id: 'e_acme', name: 'Acme', type: 'organization' }] : [],
    ...(i % 23 === 0 ? {} : { publishedAt: `2024-0${1 + Math.floor(r() * 6)}-1${Math.floor(r() * 10)}` }),
  });
});
// Numbered as a corpus numbers them: newest first, undated last (date filters are runs of documents).
const date = (a: Article) => a.publishedAt ?? '';
const ix = buildIndex(
  articles.sort((a, b) => (date(a) === date(b) ? (a.id < b.id ? -1 : 1) : date(a) > date(b) ? -1 : 1)),
);
const byId = new Map(articles.map((a) => [a.id, a]));
const articleOf = (d: number) => byId.get(ix.ids.at(d))!;

/** The filters decided from the article itself, as the schema documents them. */
function passes(a: Article, f: ArticleFilters): boolean {
  const same = (x: string | undefined, y: string) => x !== undefined && fold(x) === fold(y);
  const date = a.publishedAt;
  return (
    (!f.section || same(a.section, f.section)) &&
    (!f.source || same(a.source?.name, f.source)) &&
    (!f.tag || a.tags.some((t) => same(t, f.tag!))) &&
    (!f.language || same(a.language, f.language) || fold(a.language).startsWith(`${fold(f.language)}-`)) &&
    (!f.entity || a.entities.some((e) => e.id === f.entity)) &&
    (!f.after || (date !== undefined && date.slice(0, f.after.length) >= f.after)) &&
    (!f.before || (date !== undefined && date.slice(0, f.before.length) < f.before))
  );
}

const FILTERS: ArticleFilters[] = [
  { section: 'politics' },
  { section: 'Sport', tag: 'energy' },
  { tag: 'europe', language: 'en' },
  { language: 'EN-gb', source: 'wire' },
  { after: '2024-03', section: 'tech' },
  { after: '2024-02', before: '2024-05' },
  { before: '2024-04-15' },
  { entity: 'e_acme', section: 'business' },
  { entity: 'e_acme', tag: 'asia', after: '2024-02' },
  { section: 'nowhere' },
  { tag: 'rare' },
  { tag: 'RARE', section: 'sport', after: '2024-02' },
];

/** The queries' matches in each form a filter meets: a list read in place, scores, typos, every document. */
function queries(engine: SearchEngine): Array<[string, Matches]> {
  const out: Array<[string, Matches]> = [
    ['one word (impacts)', engine.match('budget', undefined).m],
    ['two words (scores)', engine.match('budget tax', undefined).m],
    ['or (scores)', engine.match('oil OR film', undefined).m],
    ['a typo', engine.match('buget', undefined).m],
    ['every document', engine.match(undefined, undefined).m],
  ];
  expect(out[0]![1].scores).toBeNull();
  expect(out[0]![1].imp).toBeDefined();
  expect(out[3]![1].typos).not.toBeNull();
  return out;
}

describe('SearchEngine.filter', () => {
  it('keeps exactly the matches whose article passes, with their scores and typos, in their own form', () => {
    const engine = new SearchEngine(ix);
    let kept = 0;
    // Three rounds: the later ones test through the bits a filter gets once asked about enough.
    for (let round = 0; round < 3; round++) {
      for (const [name, m] of queries(engine)) {
        for (const f of FILTERS) {
          const want = [...m.docs.keys()].filter((i) => passes(articleOf(m.docs[i]!), f));
          const got = engine.filter(m, f);
          const label = `${name} ${JSON.stringify(f)} round ${round}`;
          expect(Array.from(got.docs), label).toEqual(want.map((i) => m.docs[i]!));
          expect(
            want.map((_, j) => scoreAt(got, j)),
            label,
          ).toEqual(want.map((i) => scoreAt(m, i)));
          expect(
            want.map((_, j) => typosAt(got, j)),
            label,
          ).toEqual(want.map((i) => typosAt(m, i)));
          // The form is kept: no typo array without typos, impacts and their highest for a list in place.
          if (m.typos === null) expect(got.typos, label).toBeNull();
          if (m.scores === null && m.imp !== undefined && got.docs.length > 0) {
            expect(got.scores, label).toBeNull();
            expect(highestImpact(got), label).toBe(Math.max(...got.imp!));
          }
          kept += want.length;
        }
      }
    }
    expect(kept).toBeGreaterThan(1000);
  });

  it('masks for related() the documents a filter set keeps', () => {
    const engine = new SearchEngine(ix);
    for (const f of FILTERS) {
      const mask = engine.filterMask(f);
      const want = Array.from({ length: ix.n }, (_, d) => (passes(articleOf(d), f) ? 1 : 0));
      expect(Array.from(mask), JSON.stringify(f)).toEqual(want);
    }
  });
});

describe('passingIndexes', () => {
  it('keeps the same matches whether a column is read by value, by bits, or a short list is walked', () => {
    // Never asked about enough for bits, and asked about every document at once (bits, lists of few).
    const byValue = new FilterPlans(ix);
    const byBits = new FilterPlans(ix);
    expect(byBits.plan({ tag: 'rare' }, ix.n).columns[0]!.few?.length).toBeGreaterThan(0);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    let walked = 0;
    for (const f of FILTERS.filter((x) => !x.entity)) {
      for (const share of [0.05, 0.3, 1]) {
        const docs = Uint32Array.from(range(0, ix.n).filter(() => share === 1 || r() < share));
        const want = range(0, docs.length).filter((i) => passes(articleOf(docs[i]!), f));
        for (const plan of [byValue.plan(f, 0), byBits.plan(f, ix.n)]) {
          const p = passingIndexes(docs, plan, (size) => new Uint32Array(size));
          const got = 'at' in p ? Array.from(p.at.subarray(0, p.k)) : range(p.lo, p.hi);
          expect(got, `${JSON.stringify(f)} ${share}`).toEqual(want);
          if (plan.columns.some((c) => c.few && c.few.length * 16 < docs.length)) walked++;
        }
      }
    }
    expect(walked).toBeGreaterThan(0);
  });
});

describe('SearchEngine.facets over filtered matches', () => {
  it('counts each facet (one value a document, runs of months, several tags) as the articles hold them', () => {
    const engine = new SearchEngine(ix);
    for (const f of FILTERS) {
      const m = engine.filter(engine.match('budget OR tax', undefined).m, f);
      const got = engine.facets(m, ['section', 'month', 'tag', 'language', 'source'], 50, undefined, f);
      const count = (values: (a: Article) => string[]) => {
        const counts = new Map<string, number>();
        for (const d of m.docs) for (const v of values(articleOf(d))) counts.set(v, (counts.get(v) ?? 0) + 1);
        return counts;
      };
      const asMap = (name: keyof typeof got) => new Map(got[name]!.map((c) => [c.value, c.count]));
      const label = JSON.stringify(f);
      expect(asMap('section'), label).toEqual(count((a) => (a.section ? [a.section] : [])));
      expect(asMap('month'), label).toEqual(count((a) => (a.publishedAt ? [a.publishedAt.slice(0, 7)] : [])));
      expect(asMap('tag'), label).toEqual(count((a) => [...new Set(a.tags)]));
      expect(asMap('language'), label).toEqual(count((a) => [a.language]));
      expect(asMap('source'), label).toEqual(count((a) => [a.source!.name]));
    }
  });

  it('counts a facet its filter keeps to one value as reading it does, within the same budget', () => {
    const engine = new SearchEngine(ix);
    const names = ['section', 'source', 'language', 'tag'] as const;
    for (const f of [...FILTERS, { source: 'daily', language: 'fr' }, { section: 'sport', source: 'wire' }]) {
      const m = engine.filter(engine.match('budget', undefined).m, f);
      // Budgets that stop the counting part of the way through, and one that does not.
      for (const work of [Math.floor(m.docs.length / 3), 1e9]) {
        const told = new WorkBudget(work);
        const read = new WorkBudget(work);
        const label = `${JSON.stringify(f)} ${work}`;
        expect(engine.facets(m, names, 50, told, f), label).toEqual(engine.facets(m, names, 50, read));
        expect([told.left, told.exhausted], label).toEqual([read.left, read.exhausted]);
      }
    }
  });
});
