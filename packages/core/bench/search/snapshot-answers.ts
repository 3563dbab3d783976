// The answers of a seeded query set over the GENERATED news corpus (COUNT articles), as JSON lines: run
// it before and after a change of the index or snapshot format and diff the two files (a format change
// must not change one id, score, snippet or total). Each query is answered by the corpus built from the
// articles and by the one loaded from its snapshot, and the two must agree (it exits 1 if not).
//   npx tsx --conditions=@gazette/source bench/search/snapshot-answers.ts 10000 > answers.jsonl
import { isDeepStrictEqual } from 'node:util';
import type { Article, Corpus } from '@gazette/core';
import type { SearchParams } from '../../src/query-schema/query-params-schema';
import { createCorpus, loadCorpus } from '../../src/corpus/create-corpus';
import { corpusArticles } from './articles';
import { seededRandom as random } from '../../test-support/seeded-random';

const FACETS = ['section', 'source', 'tag', 'person', 'organization', 'place', 'month'] as const;

/** Queries of every kind, made from the words, speakers and entities of seeded articles. */
function queries(articles: readonly Article[], count: number): SearchParams[] {
  const next = random(15);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(next() * xs.length)];
  const out: SearchParams[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(articles)!;
    const words = `${a.title} ${a.body[0]?.text ?? ''}`.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
    const w = () => pick(words) ?? 'news';
    const title = a.title.split(/\s+/);
    const at = Math.floor(next() * Math.max(1, title.length - 2));
    const typo = (x: string) => `${x.slice(0, 2)}${x[3] ?? ''}${x[2] ?? ''}${x.slice(4)}`;
    const speaker = pick(a.quotes.filter((q) => q.speaker))?.speaker;
    const entity = pick(a.entities);
    const keys: Record<string, string> = { person: 'person', organization: 'org', place: 'place' };
    const key = keys[entity?.type ?? ''] ?? 'entity';
    out.push(
      { q: w() },
      { q: `${w()} ${w()}` },
      { q: `${w()} OR ${w()} OR ${w()}` },
      { q: `"${title.slice(at, at + 3).join(' ')}"` },
      { q: w(), filters: a.section ? { section: a.section } : { language: a.language } },
      { q: typo(w()) },
      { q: `${w().slice(0, 4)}*` },
      { q: `${w()} -${w()}`, sort: 'newest' },
      { q: w(), facets: [...FACETS], limit: 5 },
      ...(speaker ? [{ q: `speaker:"${speaker}"` }] : []),
      ...(entity
        ? [
            { q: `${key}:"${entity.name}"` },
            { q: `entity:"${entity.name}"` },
            { q: '', filters: { entity: entity.id } },
          ]
        : []),
    );
  }
  return out;
}

/** Everything a face can read besides search: related, entities, quotes, facets, timeline, get. */
function otherReads(c: Corpus, articles: readonly Article[]): unknown[] {
  const a = articles[7 % articles.length]!;
  return [
    c.related(a.id),
    c.entities({ limit: 50 }),
    c.entities({ type: 'place', limit: 50 }),
    c.entity(a.entities[0]?.id ?? ''),
    c.quotes({ limit: 20 }),
    c.facets({ limit: 20 }),
    c.timeline({ q: 'government' }),
    c.get(a.slug),
    c.list({ limit: 20 }),
  ];
}

const count = Number(process.argv[2] ?? '10000');
const articles = corpusArticles({ kind: 'news', count });
const built = createCorpus(articles);
const loaded = loadCorpus(built.toSnapshot());
let differ = 0;
const answer = (c: Corpus, p: SearchParams) => {
  try {
    return c.search(p);
  } catch (e) {
    return { error: String(e) };
  }
};
for (const p of queries(articles, 300)) {
  const x = answer(built, p);
  if (!isDeepStrictEqual(x, answer(loaded, p))) differ++;
  console.log(JSON.stringify({ p, x }));
}
const others = otherReads(built, articles);
if (!isDeepStrictEqual(others, otherReads(loaded, articles))) differ++;
console.log(JSON.stringify({ others }));
if (differ) {
  console.error(`${differ} answers differ between the built corpus and the one loaded from its snapshot`);
  process.exitCode = 1;
}
