// A seeded corpus for the search engine's tests: words follow a Zipf-like law, so a few words are in
// most articles and most words in a few, as in news.
import type { Article } from '../src/model/article-schema';
import { seededRandom } from './seeded-random';
import { fixture } from './test-articles';

const LETTERS = 'abcdefghiklmnoprstuvw';

export interface ZipfCorpus {
  docs: Article[];
  /** A word drawn from the corpus's law (seeded). */
  word: () => string;
  random: () => number;
}

export function zipfCorpus(seed: number, articles: number, vocabulary = 400): ZipfCorpus {
  const r = seededRandom(seed);
  const words = Array.from({ length: vocabulary }, () =>
    Array.from({ length: 4 + Math.floor(r() * 6) }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join(''),
  );
  const word = () => words[Math.floor(words.length * r() ** 2.5)]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const docs = Array.from({ length: articles }, () =>
    fixture({ title: text(3 + Math.floor(r() * 4)), standfirst: text(8), body: [text(25), text(40)] }),
  );
  return { docs, word, random: r };
}
