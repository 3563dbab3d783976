import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import { analyze } from '../analysis/analyze';
import { fixture } from '../../../test-support/test-articles';
import { seededRandom as rand } from '../../../test-support/seeded-random';

// Few words, stop words among them, so that phrases recur, straddle stop words and often just miss.
const WORDS = ['oil', 'price', 'bank', 'rate', 'the', 'of', 'and', 'rise', 'fall', 'market'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const sentence = (r: () => number, length: number) => Array.from({ length }, () => pick(r, WORDS)).join(' ');

/**
 * Does some start put every non-stop term of the phrase at its place in one of the texts? Stop words hold
 * a place between words (a text must have a word there); before the first word and after the last they
 * ask nothing.
 */
function holds(texts: readonly string[], phrase: string): boolean {
  const want = analyze(phrase);
  while (!want.at(-1)) want.pop();
  while (!want[0]) want.shift();
  return texts.some((text) => {
    const terms = analyze(text);
    for (let s = 0; s + want.length <= terms.length; s++)
      if (want.every((w, j) => !w || terms[s + j] === w)) return true;
    return false;
  });
}

describe('phrase search by positions', () => {
  it('finds exactly the documents one of whose texts holds the words in order, stop words between them keeping their place', () => {
    let found = 0;
    let missed = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const r = rand(seed);
      // Some paragraphs are shared between documents (syndicated text is stored once).
      const shared = Array.from({ length: 6 }, () => sentence(r, 3 + Math.floor(r() * 8)));
      const articles = Array.from({ length: 40 }, (_, n) => {
        const body = Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
          r() < 0.3 ? pick(r, shared) : sentence(r, 2 + Math.floor(r() * 10)),
        );
        return fixture({ title: `Report ${n} ${sentence(r, 3)}`, body });
      });
      const corpus = createCorpus(articles);
      for (let q = 0; q < 30; q++) {
        const phrase = sentence(r, 2 + Math.floor(r() * 3));
        if (analyze(phrase).every((t) => !t)) continue;
        const expected = articles
          .filter((a) => holds([a.title, ...a.body.map((b) => b.text)], phrase))
          .map((a) => a.id)
          .sort();
        const got = corpus
          .search({ q: `"${phrase}"`, limit: 100 })
          .hits.map((h) => h.id)
          .sort();
        expect(got, `seed ${seed}: "${phrase}"`).toEqual(expected);
        if (expected.length) found++;
        else missed++;
      }
    }
    // The property held on phrases that some documents hold and on phrases that none do.
    expect(found).toBeGreaterThan(40);
    expect(missed).toBeGreaterThan(20);
  });
});
