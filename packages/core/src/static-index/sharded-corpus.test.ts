import { describe, expect, it } from 'vitest';
import { createCorpus } from '../corpus/create-corpus';
import type { Article } from '../model/article-schema';
import { fixture } from '../../test-support/test-articles';
import type { ShardFile } from './shard-format';
import { loadShardedCorpus } from './sharded-corpus';
import { MAX_DOC_PACKS, searchShards } from './write-shards';

// The static index is written and read by the core, keyed on the core's own terms: searching it must
// match what corpus.search matches over the same articles, query for query.

const WORDS = (
  'government election minister economy growth forecast market shares bank inflation coalition ' +
  'parliament football stadium championship league players transfer film festival award actress ' +
  'mobile phone network broadband technology software hospital doctors patients vaccine research ' +
  'storm flooding weather climate emissions energy nuclear pipeline harbour airport railway'
).split(' ');
const SECTIONS = ['politics', 'business', 'sport', 'technology', 'health'];

/** A small deterministic generator (no clock, no Math.random): the same corpus on every run. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

function corpusArticles(n: number): Article[] {
  const next = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const sentence = () => Array.from({ length: 8 }, () => pick(WORDS)).join(' ');
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const section = pick(SECTIONS);
    out.push(
      fixture({
        title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
        body: [`${sentence()}.`, `The ${sentence()}.`],
        section,
        tags: [pick(WORDS)],
        publishedAt: `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`,
      }),
    );
  }
  out.push(
    fixture({
      title: '東京の経済ニュース',
      body: ['東京都の経済は成長しています。'],
      section: 'business',
      language: 'ja',
    }),
  );
  return out;
}

function served(files: ShardFile[]) {
  const byPath = new Map(files.map((f) => [f.path, f.body]));
  const fetched: string[] = [];
  const fetchJson = async (path: string) => {
    const body = byPath.get(path);
    if (body === undefined) throw new Error(`no index file ${path}`);
    fetched.push(path);
    return JSON.parse(body) as unknown;
  };
  return { fetchJson, fetched };
}

/** Queries made from the corpus's own words: plain, pairs, OR, NOT, prefixes, phrases, typos, fields. */
function queriesOver(articles: Article[]): string[] {
  const next = rng(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const typo = (w: string) => `${w.slice(0, 3)}${w[4] ?? ''}${w[3] ?? ''}${w.slice(5)}`; // swap 4th and 5th
  const qs = ['経済', '東京', '"the government"', 'the', ''];
  for (let i = 0; i < 12; i++) {
    const a = pick(WORDS);
    const b = pick(WORDS);
    qs.push(a, `${a} ${b}`, `${a} OR ${b}`, `${a} -${b}`, `${a.slice(0, 3)}*`, `${a.slice(0, 1)}*`, typo(a));
    qs.push(`section:${pick(SECTIONS)} ${b}`, `"${pick(articles).title.split(' ').slice(0, 2).join(' ')}"`);
  }
  return qs;
}

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();

describe('the sharded search index', () => {
  const articles = corpusArticles(120);
  const corpus = createCorpus(articles);
  // Small shards and packs, so lookups cross shard bounds and packs hold several articles.
  const files = searchShards(articles, { shardChars: 300, maxDocPacks: 16 });

  it('finds what corpus.search finds, query for query (CJK, prefixes, typos, phrases, fields)', async () => {
    expect(files.filter((f) => f.path.startsWith('t/')).length).toBeGreaterThan(10);
    const sharded = loadShardedCorpus(served(files).fetchJson);
    const queries = queriesOver(articles);
    expect(queries.length).toBeGreaterThan(100);
    let narrowed = 0;
    for (const q of queries) {
      const params = { q, limit: 100, facets: ['section' as const, 'tag' as const] };
      const want = corpus.search(params);
      const got = await sharded.search(params, Number.POSITIVE_INFINITY);
      if (got.candidates < articles.length) narrowed++;
      expect({ q, total: got.result.total, ids: ids(got.result.hits), facets: got.result.facets }).toEqual({
        q,
        total: want.total,
        ids: ids(want.hits),
        facets: want.facets,
      });
    }
    // The shards narrow most queries to fewer candidates than the whole corpus.
    expect(narrowed).toBeGreaterThan(queries.length / 2);
  });

  it('finds the Japanese article for 経済, fetching only the shards of that word', async () => {
    const { fetchJson, fetched } = served(files);
    const r = await loadShardedCorpus(fetchJson).search({ q: '経済', limit: 10, facets: [] });
    expect(r.result.hits.map((h) => h.title)).toEqual(['東京の経済ニュース']);
    const shardFiles = files.filter((f) => f.path.startsWith('t/')).length;
    expect(fetched.filter((p) => p.startsWith('t/')).length).toBeLessThanOrEqual(2);
    expect(shardFiles).toBeGreaterThan(10);
  });

  it('adds a bounded number of files however many articles there are, not one per article', () => {
    const many = Array.from({ length: 6000 }, (_, i) =>
      fixture({ title: `Story ${i} about ${WORDS[i % WORDS.length]}`, body: [`Number ${i}.`] }),
    );
    const written = searchShards(many);
    const packs = written.filter((f) => f.path.startsWith('d/')).length;
    expect(packs).toBeLessThanOrEqual(MAX_DOC_PACKS);
    expect(packs * 2).toBeLessThan(many.length);
    expect(written.length).toBeLessThan(many.length / 4);
    // Every article is in exactly one pack.
    const packed = written
      .filter((f) => f.path.startsWith('d/'))
      .flatMap((f) => JSON.parse(f.body) as Article[]);
    expect(new Set(packed.map((a) => a.id)).size).toBe(many.length);
  });
});
