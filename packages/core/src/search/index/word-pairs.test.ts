import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { countTerms } from './position-lists';
import { WordPairs } from './word-pairs';

/** Texts of term ids (-1 a stop word) and documents made of them, drawn from a seeded generator. */
function corpus(seed: number) {
  const rand = seededRandom(seed);
  const terms = 40;
  // A few terms are common (in most texts), the rest rare: only pairs of common ones are kept.
  const term = () => (rand() < 0.6 ? Math.floor(rand() * 4) : 4 + Math.floor(rand() * (terms - 4)));
  const texts = Array.from({ length: 600 }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 9) }, () => (rand() < 0.15 ? -1 : term())),
  );
  // Documents share texts (a syndicated paragraph), and a document may hold one text twice; every
  // text is some document's (as in an index, whose texts are its documents').
  const docs = Array.from({ length: 300 }, (_, d) => [
    2 * d,
    2 * d + 1,
    ...Array.from({ length: Math.floor(rand() * 3) }, () => Math.floor(rand() * texts.length)),
  ]);
  // Dictionary ranks in another order than the ids.
  const rank = Uint32Array.from({ length: terms }, (_, t) => (t * 7) % terms);
  const words = Int32Array.from(texts.flat());
  const wordOff = Uint32Array.from([0, ...texts.map((t) => t.length)].map((_, i, a) => sum(a, i)));
  const textIds = Uint32Array.from(docs.flat());
  const textOff = Uint32Array.from([0, ...docs.map((d) => d.length)].map((_, i, a) => sum(a, i)));
  const textsByRank = countTerms(words, wordOff, rank).texts;
  return {
    texts,
    docs,
    rank,
    input: { words, wordOff, rank, textsByRank, textIds, textOff, documents: docs.length },
  };
}

const sum = (a: number[], upTo: number) => a.slice(0, upTo + 1).reduce((x, y) => x + y, 0);

describe('WordPairs', () => {
  it('lists, for each pair of common terms side by side, exactly the documents holding them so', () => {
    const { texts, docs, rank, input } = corpus(3);
    const pairs = WordPairs.build(input);
    // Every term in at least 4 texts (1/512 of 600 is less) is common here.
    const inTexts = new Map<number, number>();
    for (const t of texts) for (const w of new Set(t)) if (w >= 0) inTexts.set(w, (inTexts.get(w) ?? 0) + 1);
    const common = (w: number) => w >= 0 && (inTexts.get(w) ?? 0) >= 4;
    const expected = new Map<string, Set<number>>();
    docs.forEach((d, doc) => {
      for (const x of d)
        for (let i = 1; i < texts[x]!.length; i++) {
          const a = texts[x]![i - 1]!;
          const b = texts[x]![i]!;
          if (!common(a) || !common(b)) continue;
          const key = `${rank[a]} ${rank[b]}`;
          if (!expected.has(key)) expected.set(key, new Set());
          expected.get(key)!.add(doc);
        }
    });
    expect(pairs.count).toBe(expected.size);
    for (const [key, holders] of expected) {
      const [a, b] = key.split(' ').map(Number) as [number, number];
      const p = pairs.find(a, b);
      expect(p).toBeGreaterThanOrEqual(0);
      expect([...pairs.postings.get(p).docs]).toEqual([...holders].sort((x, y) => x - y));
    }
  });

  it('keeps its pairs in rank order and finds nothing else', () => {
    const { input } = corpus(11);
    const pairs = WordPairs.build(input);
    const keys = [...pairs.keys];
    for (let i = 2; i < keys.length; i += 2)
      expect(keys[i - 2]! < keys[i]! || (keys[i - 2] === keys[i] && keys[i - 1]! < keys[i + 1]!)).toBe(true);
    const held = new Set(Array.from({ length: pairs.count }, (_, i) => `${keys[2 * i]} ${keys[2 * i + 1]}`));
    for (let a = 0; a < 40; a++)
      for (let b = 0; b < 40; b++) expect(pairs.find(a, b) >= 0).toBe(held.has(`${a} ${b}`));
    expect(pairs.find(-1, 0)).toBe(-1);
  });

  it('pairs no word with a stop word, and none across one', () => {
    // Texts 0 and 3: 0 1; text 1: 0 stop 1 (no pair); text 2: 1 stop; text 4: 1 0.
    const words = Int32Array.from([0, 1, 0, -1, 1, 1, -1, 0, 1, 1, 0]);
    const wordOff = Uint32Array.from([0, 2, 5, 7, 9, 11]);
    const rank = Uint32Array.from([0, 1]);
    const input = {
      words,
      wordOff,
      rank,
      textsByRank: countTerms(words, wordOff, rank).texts,
      textIds: Uint32Array.from([1, 2, 0, 3, 4]),
      textOff: Uint32Array.from([0, 2, 5]),
      documents: 2,
    };
    const pairs = WordPairs.build(input);
    expect(pairs.count).toBe(2);
    expect([...pairs.postings.get(pairs.find(0, 1)).docs]).toEqual([1]);
    expect([...pairs.postings.get(pairs.find(1, 0)).docs]).toEqual([1]);
    expect(pairs.find(1, 1)).toBe(-1);
  });
});
