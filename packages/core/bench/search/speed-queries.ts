// Query sets for the speed benchmark, drawn (seeded) from the corpus itself: title words for 1-3 word
// AND and OR queries, body word runs for phrases, and a word plus the article's section for filtered
// + faceted queries, a title word with one typo, and the first 4-5 letters of a title word as a prefix.
import { seededRandom } from '@gazette/bench-corpora';
import type { Doc, Query } from './engines';
import { withTypo } from './known-item-queries';

const STOP = new Set(
  'the a an and or of to in on for with at by from as is are was were be been has have had it its this that not but his her their they he she we you will would said says after over into than more new'.split(
    ' ',
  ),
);
const words = (text: string) =>
  (text.match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 3 && !STOP.has(w.toLowerCase()));

export type QuerySetName =
  | 'AND 1 word'
  | 'AND 2 words'
  | 'AND 3 words'
  | 'OR 2 words'
  | 'OR 3 words'
  | 'phrase'
  | 'typo 1 word'
  | 'prefix'
  | 'filtered + faceted';

export function speedQueries(docs: readonly Doc[], count = 200, seed = 7): Record<QuerySetName, Query[]> {
  const rand = seededRandom(seed);
  const pick = () => docs[Math.floor(rand() * docs.length)]!;
  const titleWords = (n: number): string[] => {
    for (;;) {
      const ws = words(pick().title);
      if (ws.length >= n) {
        const at = Math.floor(rand() * (ws.length - n + 1));
        return ws.slice(at, at + n);
      }
    }
  };
  const phrase = (): string[] => {
    for (;;) {
      const run = pick().text.split(/\s+/);
      const n = 2 + Math.floor(rand() * 2);
      const at = Math.floor(rand() * Math.max(1, run.length - n));
      const ws = run.slice(at, at + n);
      if (ws.length === n && ws.every((w) => /^\p{L}{3,}$/u.test(w)) && !STOP.has(ws[0]!.toLowerCase()))
        return ws;
    }
  };
  const longTitleWord = (min: number): string => {
    for (;;) {
      const w = titleWords(1)[0]!;
      if (w.length >= min) return w;
    }
  };
  const make = (f: () => Query) => Array.from({ length: count }, f);
  return {
    'AND 1 word': make(() => ({ kind: 'and', words: titleWords(1) })),
    'AND 2 words': make(() => ({ kind: 'and', words: titleWords(2) })),
    'AND 3 words': make(() => ({ kind: 'and', words: titleWords(3) })),
    'OR 2 words': make(() => ({ kind: 'or', words: titleWords(2) })),
    'OR 3 words': make(() => ({ kind: 'or', words: titleWords(3) })),
    phrase: make(() => ({ kind: 'phrase', words: phrase() })),
    'filtered + faceted': make(() => {
      for (let tries = 0; ; tries++) {
        if (tries > 10_000) return { kind: 'filtered', words: titleWords(1), section: 'none' };
        const d = pick();
        const ws = words(d.title);
        if (d.section && ws.length) return { kind: 'filtered', words: [ws[0]!], section: d.section };
      }
    }),
    // Made after the others, so theirs stay the queries they were.
    // One edit in a word of 5 letters or more: the length from which every engine here reads typos.
    'typo 1 word': make(() => ({
      kind: 'typo',
      words: withTypo({ target: '', kind: 'headline', words: [longTitleWord(5)] }, Math.floor(rand() * 1e9))
        .words,
    })),
    prefix: make(() => ({ kind: 'prefix', words: [longTitleWord(6).slice(0, 4 + Math.floor(rand() * 2))] })),
  };
}
