import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test-support/seeded-random';
import { fixture } from '../../test-support/test-articles';
import type { Article } from '../model/article-schema';
import { buildIndex, createBuilders, analyseDocuments, finishIndex } from '../search/index/build-index';
import { analysePart, appendPart } from '../search/index/index-part';
import { createCorpus } from '../corpus/create-corpus';
import { StringColumn } from '../binary/string-column';
import { createCorpusInParallel } from './create-corpus-in-parallel';
import type { StageSpan } from './build-timeline';
import { CHUNK } from './index-worker-threads';
import { buildIndexInParallel } from './parallel-index';
import type { SearchIndex } from '../search/index/search-index';

const WORDS = [
  'election',
  'elections',
  'running',
  'the',
  'of',
  'bank',
  'England',
  'café',
  'Müller',
  'Ｃafé',
  '東京大学の研究',
  'prize',
  'money',
  'minister',
  '3.5%',
  'covid-19',
  "O'Brien",
  'a',
  'zebedee',
  'quux',
];
const NAMES = ['Lindsay Davenport', 'Tim Phillips', 'Bank of England', 'The Who', 'Café Müller'];

/**
 * Articles whose texts, entities, quotes and facets recur across any split of them: shared and repeated
 * paragraphs, an entity seen with new aliases later on, quotes long and short, stop words, diacritics,
 * CJK and words met only in keyword fields.
 */
function articles(count: number): Article[] {
  const random = seededRandom(15);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const shared = Array.from({ length: 6 }, () => sentence(12));
  return Array.from({ length: count }, (_, i) => {
    const name = pick(NAMES);
    const para = sentence(20);
    const a = fixture({
      title: `${sentence(4)} ${i % 7}`,
      body: [para, pick(shared), `word${i} ${sentence(8)}`, para],
      publishedAt: `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`,
      section: pick(['news', 'sport', 'business']),
      tags: [pick(NAMES), `tag ${i % 5}`],
      byline: i % 3 ? [pick(NAMES)] : [],
      source: pick(['BBC', 'Le Monde']),
      ...(i % 4 ? { standfirst: sentence(6) } : {}),
      entities: [
        { id: `person:${name}`, name, type: 'person', aliases: i > count / 2 ? [`alias ${i % 3}`] : [] },
        { id: `place:${i % 4}`, name: pick(['London', 'Paris', 'Zürich']), type: 'place' },
      ],
      quotes: [
        { text: pick(shared), speaker: name, speakerEntityId: `person:${name}` },
        { text: sentence(1 + (i % 8)), speaker: `Speaker ${i % 6} the ${pick(WORDS)}` },
      ],
    });
    a.quotes[1]!.partial = i % 2 === 0;
    a.entities[0]!.mentions = Array.from({ length: 1 + (i % 3) }, () => ({ block: 0, start: 0, end: 1 }));
    if (i % 5 === 0) a.entities[1]!.countryCode = 'GB';
    return a;
  });
}

describe('parallel index build (document ranges analysed apart, then appended)', () => {
  const docs = articles(60);
  const reference = buildIndex(docs);

  it('appending parts of any split gives the index one pass over the documents gives (their entries and words appended at once or by the lists builder)', () => {
    for (const cuts of [[30], [1, 2, 59], [10, 20, 40, 50]])
      for (const defer of [false, true]) {
        const b = createBuilders(docs.length);
        analyseDocuments(b, docs, 0, cuts[0]!);
        const ends = [...cuts, docs.length];
        for (let i = 0; i + 1 < ends.length; i++)
          appendPart(b, analysePart(docs.slice(ends[i], ends[i + 1])), ends[i]!, defer);
        expect(finishIndex(docs, b), `cuts ${cuts.join(',')}, entries and words deferred: ${defer}`).toEqual(
          reference,
        );
      }
  });

  // Enough documents for several steps of a one-thread build, and for each worker to analyse more than
  // one chunk (CHUNK): their arrays are grown ahead of their items (projectGrowth).
  const many = articles(2600);
  let manyReference: SearchIndex | undefined;
  const onePass = () => {
    if (!manyReference) {
      const b = createBuilders(many.length);
      analyseDocuments(b, many, 0, many.length);
      manyReference = finishIndex(many, b);
    }
    return manyReference;
  };

  it('foreseeing the room of its arrays as it goes (analyseAll, in steps) changes nothing in the index', () => {
    expect(buildIndex(many)).toEqual(onePass());
  });

  it('nor in workers, which foresee it after each chunk they analyse', () => {
    expect(many.length / 2).toBeGreaterThan(CHUNK);
    const ix = buildIndexInParallel(many, { threads: 2, minArticles: 2 });
    expect(ix).toEqual(onePass());
  }, 60_000);

  it('a part brings each unique text of its range once (the thread appending it is sent no other copy)', () => {
    const range = docs.slice(30);
    const texts = range.flatMap((a) => [
      a.title,
      ...(a.standfirst ? [a.standfirst] : []),
      ...a.body.map((b) => b.text),
    ]);
    const part = analysePart(range);
    expect(texts.length).toBeGreaterThan(new Set(texts).size);
    const brought = part.texts.texts.flatMap((t) => new StringColumn(t.bytes, t.off).toArray());
    expect(brought.sort()).toEqual([...new Set(texts)].sort());
  });

  it('worker threads build the same index (the index worker and its helpers, the postings and positions by another while it writes the columns)', () => {
    let workers: unknown;
    let listsByWorker: unknown;
    const ix = buildIndexInParallel(docs, {
      threads: 3,
      minArticles: 2,
      onBuilt: (w) => (workers = w),
      onListsBuilt: (byWorker) => (listsByWorker = byWorker),
    });
    expect(workers).toMatchObject({ started: 3, answered: 3, analysedHere: 0 });
    expect(listsByWorker, 'postings and positions built by a worker').toBe(true);
    expect(ix).toEqual(reference);
  }, 60_000);

  it('with two threads the thread holding the articles analyses none of them: workers analyse and finish the index, it only copies the documents out (its full collections of the article heap were most of a 100k build)', () => {
    let workers: unknown;
    const ix = buildIndexInParallel(docs, { threads: 2, minArticles: 2, onBuilt: (w) => (workers = w) });
    expect(workers).toMatchObject({ started: 2, answered: 2, analysedHere: 0 });
    expect(ix).toEqual(reference);
  }, 60_000);

  it("tells each thread's stages (for benches): this thread's, the index worker's, its helper's and its lists workers'", () => {
    let timeline: StageSpan[] = [];
    buildIndexInParallel(docs, {
      threads: 2,
      minArticles: 2,
      traceGc: true,
      onBuilt: (w) => (timeline = w.timeline),
    });
    const stages = (thread: string) => timeline.filter((s) => s.thread === thread).map((s) => s.stage);
    // This thread waits for the helpers' analysis before its own work when the two workers fill every core.
    const waits = availableParallelism() <= 2 ? ['wait analysis'] : [];
    expect(stages('main')).toEqual(['copy out', ...waits, 'records', 'wait index', 'index from message']);
    expect(stages('index')).toEqual(
      expect.arrayContaining(['analyse', 'wait parts', 'append', 'columns', 'wait lists']),
    );
    expect(stages('helper')).toEqual(expect.arrayContaining(['analyse', 'part']));
    expect(stages('postings')).toEqual(['start', 'wait input', 'build']);
    expect(stages('positions')).toEqual(['start', 'wait input', 'build']);
    for (const s of timeline) {
      expect(s.end, `${s.thread} ${s.stage}`).toBeGreaterThanOrEqual(s.start);
      for (const x of [s.wall, s.cpu, s.gc]) expect(x, `${s.thread} ${s.stage}`).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);

  it('a corpus built in parallel is the corpus built on one thread: the same snapshot bytes, and the index arrives as its classes (searchable)', () => {
    const here = createCorpus(docs);
    const there = createCorpusInParallel(docs, { threads: 2, minArticles: 2 });
    expect(there.toSnapshot()).toEqual(here.toSnapshot());
    for (const q of ['election', 'bank of england', '"prize money"', 'muller', 'zebede']) {
      const expected = here.search({ q });
      expect(expected.total, `${q} finds something`).toBeGreaterThan(0);
      expect(there.search({ q }), q).toEqual(expected);
    }
  }, 60_000);

  it('workers that cannot start leave the index to this thread (same index, no wait)', () => {
    let listsByWorker: unknown;
    const worker = new URL('./no-such-worker.ts', import.meta.url);
    let workers: unknown;
    const ix = buildIndexInParallel(docs, {
      threads: 2,
      minArticles: 2,
      worker,
      onBuilt: (w) => (workers = w),
      onListsBuilt: (byWorker) => (listsByWorker = byWorker),
    });
    expect(workers).toMatchObject({ started: 2, answered: 0, analysedHere: docs.length });
    expect(listsByWorker, 'postings and positions built here').toBe(false);
    expect(ix).toEqual(reference);
  }, 60_000);
});
