import { describe, expect, it, vi } from 'vitest';
import { resealed } from '../../../test-support/snapshot-sections';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { fixture } from '../../../test-support/test-articles';
import { createCorpus, loadCorpus } from '../../corpus/create-corpus';
import { corpusStateOf } from '../../corpus/corpus-over';
import { encodeSnapshot, decodeSnapshot } from '../../corpus/snapshot/snapshot-codec';
import { segmentedCorpus } from '../../live/segmented-corpus';
import { buildIndex } from '../index/build-index';
import type { SearchIndex } from '../index/search-index';
import { PostingLists } from '../index/posting-lists';
import { SearchEngine } from './search-engine';

// Phrases of common words are answered from the index's word pairs (WordPairs); the answers must be
// those the positions alone give: the same documents, scores and totals.

const { docs, word, random } = zipfCorpus(17, 400);
const ix = buildIndex(docs);
/** The index as a snapshot made before word pairs and the outside-text bits holds it. */
const { pairs: _, ...withoutPairs } = ix;
const positionsOnly = {
  ...withoutPairs,
  postings: new PostingLists(
    ix.postings.termOff,
    ix.postings.byteOff,
    ix.postings.bytes,
    ix.postings.docCount,
    ix.postings.common,
  ),
};

/** Seeded phrases: two or three words, with stop words before, between and after them. */
function phrases(count: number): string[] {
  const out: string[] = [];
  const stop = () => (random() < 0.5 ? 'the' : 'of');
  for (let i = 0; i < count; i++) {
    const w = [word(), word(), ...(random() < 0.3 ? [word()] : [])];
    const shape = Math.floor(random() * 6);
    if (shape === 1) w.splice(1, 0, stop());
    if (shape === 2) w.unshift(stop());
    if (shape === 3) w.push(stop());
    if (shape === 4) w[1] = w[0]!;
    if (shape === 5) w.splice(1, w.length - 1, stop());
    out.push(`"${w.join(' ')}"`);
  }
  return out;
}

const answer = (engine: SearchEngine, q: string) => {
  const page = engine.page(engine.match(q, undefined, 'off'), 'relevance', 0, 20);
  return { total: page.total, hits: page.hits.map((h) => [h.id, h.score]) };
};

describe('phrases answered from word pairs', () => {
  it('holds pairs of the corpus’s common words', () => {
    expect(ix.pairs?.count).toBeGreaterThan(100);
  });

  it('answer as the positions alone do: documents, scores and totals', () => {
    const withPairs = new SearchEngine(ix);
    const without = new SearchEngine(positionsOnly as SearchIndex);
    let found = 0;
    for (const q of phrases(400)) {
      const a = answer(withPairs, q);
      expect(a, q).toEqual(answer(without, q));
      if (a.total > 0) found++;
    }
    // The phrases are common enough to find something often (else the test would prove little).
    expect(found).toBeGreaterThan(100);
  });

  it('read no positions for two words side by side, with stop words before or after them', () => {
    const engine = new SearchEngine(ix);
    const [a, b] = commonPair(ix);
    for (const q of [`"${a} ${b}"`, `"the ${a} ${b}"`, `"of the ${a} ${b} the"`]) {
      // The page reads its own documents' positions (proximity, snippets); the match reads none.
      const cursors = vi.spyOn(ix.positions, 'cursor');
      const found = engine.match(q, undefined, 'off');
      expect(cursors, q).not.toHaveBeenCalled();
      cursors.mockRestore();
      const page = engine.page(found, 'relevance', 0, 10);
      expect(page.total).toBeGreaterThan(0);
      expect(page.total, q).toBe(answer(new SearchEngine(positionsOnly as SearchIndex), q).total);
      // Stop words at either end ask nothing: the same documents, scores and total as the words alone.
      expect(answer(engine, q), q).toEqual(answer(engine, `"${a} ${b}"`));
    }
  });

  it('are kept by a snapshot, and a snapshot without them answers alike', () => {
    const corpus = createCorpus(docs);
    const bytes = corpus.toSnapshot();
    expect(corpusStateOf(loadCorpus(bytes))!.index.pairs?.count).toBe(ix.pairs!.count);
    const parts = decodeSnapshot(bytes);
    const { pairs: __, ...older } = parts.ix;
    const { termOff, byteOff, bytes: lists, docCount, common } = older.postings;
    const postings = new PostingLists(termOff, byteOff, lists, docCount, common);
    const old = loadCorpus(encodeSnapshot({ ...parts, ix: { ...older, postings } as SearchIndex }));
    expect(corpusStateOf(old)!.index.pairs).toBeUndefined();
    expect(corpusStateOf(old)!.index.postings.inTexts(0)).toBeUndefined();
    for (const q of phrases(60)) expect(old.search({ q }), q).toEqual(corpus.search({ q }));
  });

  it('are refused when a snapshot holds them out of order or naming no term', () => {
    const bytes = createCorpus(docs).toSnapshot();
    const swapped = resealed(bytes, 'pairs.keys', (section) => {
      const keys = new Uint32Array(section.buffer, section.byteOffset, section.length / 4);
      [keys[0], keys[2]] = [keys[2]!, keys[0]!];
      [keys[1], keys[3]] = [keys[3]!, keys[1]!];
    });
    expect(() => loadCorpus(swapped)).toThrow(/pairs\.keys/);
    const past = resealed(bytes, 'pairs.keys', (section) => {
      new DataView(section.buffer, section.byteOffset).setUint32(0, 0xffffffff, true);
    });
    expect(() => loadCorpus(past)).toThrow(/pairs\.keys/);
  });

  it('over segments, each with its own pairs, answer as a corpus built at once', () => {
    const atOnce = createCorpus(docs);
    const live = segmentedCorpus([createCorpus(docs.slice(0, 150)), createCorpus(docs.slice(150))]);
    for (const q of phrases(80)) expect(live.search({ q }), q).toEqual(atOnce.search({ q }));
  });

  it('find a phrase whose words are common only as a pair of documents apart', () => {
    // Both words are common, side by side in one document only: its pair is kept and found.
    const many = Array.from({ length: 60 }, (_, i) =>
      fixture({ title: `Note ${i}`, body: [`alpha was here ${i}.`, `then beta ${i}.`] }),
    );
    const holder = fixture({ title: 'Holder', body: ['They said alpha beta twice.'] });
    const small = buildIndex([...many, holder]);
    const engine = new SearchEngine(small);
    const page = engine.page(engine.match('"alpha beta"', undefined, 'off'), 'relevance', 0, 10);
    expect(page.hits.map((h) => h.id)).toEqual([holder.id]);
    expect(page.total).toBe(1);
  });
});

describe('a phrase of one word and stop words beside it', () => {
  it('is the documents holding the word in a text, not those naming it only in an entity or a quotation', () => {
    const inText = Array.from({ length: 5 }, (_, i) =>
      fixture({ title: `Brief ${i}`, body: [`Harbour works ${i}.`] }),
    );
    const named = fixture({
      title: 'Elsewhere',
      body: ['Nothing here.'],
      entities: [{ id: 'Q9', name: 'Harbour Trust', type: 'organization' }],
    });
    const quoted = fixture({ title: 'Said', body: ['No word.'], quotes: [{ text: 'the harbour is ours' }] });
    const small = buildIndex([...inText, named, quoted]);
    const engine = new SearchEngine(small);
    // Some document holds the word outside its texts: the texts holding it are read.
    // Each text holding it starts with it: a stop word before it asks nothing, as one after it does.
    for (const q of ['"harbour the"', '"the harbour"', '"of the harbour"']) {
      const texts = vi.spyOn(small.positions, 'texts');
      const page = engine.page(engine.match(q, undefined, 'off'), 'relevance', 0, 10);
      expect(texts, q).toHaveBeenCalled();
      texts.mockRestore();
      expect(new Set(page.hits.map((h) => h.id)), q).toEqual(new Set(inText.map((a) => a.id)));
    }
    expect(engine.page(engine.match('harbour', undefined, 'off'), 'relevance', 0, 10).total).toBe(7);
  });

  it('is read from the word’s list alone when every document holds it in a text', () => {
    const engine = new SearchEngine(ix);
    const [a] = commonPair(ix);
    const cursors = vi.spyOn(ix.positions, 'cursor');
    const texts = vi.spyOn(ix.positions, 'texts');
    const found = [`"${a} the"`, `"the ${a}"`, `"the ${a} of"`].map((q) => engine.match(q, undefined, 'off'));
    expect(cursors).not.toHaveBeenCalled();
    expect(texts).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    for (const f of found) expect(engine.page(f, 'relevance', 0, 10).total).toBeGreaterThan(0);
    for (const q of [`"${a} the"`, `"the ${a}"`, `"the ${a} of"`])
      expect(answer(engine, q), q).toEqual(answer(new SearchEngine(positionsOnly as SearchIndex), q));
    expect(answer(engine, `"the ${a}"`)).toEqual(answer(engine, `"${a} the"`));
  });
});

/** Two common words (as written) that stand side by side somewhere: the first pair the index keeps. */
function commonPair(index: SearchIndex): [string, string] {
  const keys = index.pairs!.keys;
  const written = (rank: number) => index.surface.at(index.surfaceTerm.indexOf(rank));
  return [written(keys[0]!), written(keys[1]!)];
}
