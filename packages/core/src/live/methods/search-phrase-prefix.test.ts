import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { fixture } from '../../../test-support/test-articles';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { segmentedCorpus } from '../segmented-corpus';

/**
 * Seeded articles whose words share a few prefixes (more completions each than a prefix keeps, 64) and
 * repeat in runs (so phrases hold in many documents, and their words meet apart in more).
 */
function articles(seed: number, count: number): { all: Article[]; words: string[] } {
  const r = seededRandom(seed);
  const stems = ['pre', 'pro', 'con'];
  const words = Array.from(
    { length: 240 },
    (_, i) =>
      stems[i % 3]! +
      Array.from({ length: 2 + Math.floor(r() * 4) }, () => 'aeiklnrst'[Math.floor(r() * 9)]).join(''),
  );
  const word = () => words[Math.floor(words.length * r() ** 2)]!;
  const run = () => (r() < 0.3 ? `${words[0]} ${words[1]} ${words[2]}` : `${word()} ${word()}`);
  const text = (n: number) => Array.from({ length: n }, run).join(' ');
  const all = Array.from({ length: count }, (_, i) =>
    fixture({
      title: text(2),
      body: [text(6 + Math.floor(r() * 10)), text(3 + Math.floor(r() * 8))],
      publishedAt: `2024-0${1 + (i % 6)}-1${Math.floor(r() * 3)}T10:00:00Z`,
    }),
  );
  return { all, words };
}

describe('phrases and prefixes over segments', () => {
  it('answer as one corpus over the same articles: pages, totals and cursors', () => {
    let compared = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const { all, words } = articles(seed, 150 + seed * 40);
      const cuts = [0, Math.floor(all.length / 3), Math.floor((2 * all.length) / 3), all.length];
      const live = segmentedCorpus(cuts.slice(1).map((end, s) => createCorpus(all.slice(cuts[s], end))));
      const once = createCorpus(all);
      const w = words;
      // Not vacuous: the common run is a phrase in many documents, and a prefix has more than 64 completions.
      expect(once.search({ q: `"${w[0]} ${w[1]} ${w[2]}"` }).total).toBeGreaterThan(50);
      expect(new Set(words.filter((x) => x.startsWith('pre'))).size).toBeGreaterThan(64);
      for (const q of [
        'pre*',
        'pr*',
        'con*',
        'p*',
        `"${w[0]} ${w[1]}"`,
        `"${w[1]} ${w[2]}"`,
        `"${w[0]} ${w[1]} ${w[2]}"`,
      ])
        for (const limit of [3, 10, 50]) {
          const first = once.search({ q, limit });
          expect(live.search({ q, limit }), `seed ${seed}: ${q} (${limit})`).toEqual(first);
          if (first.nextCursor) {
            const next = { q, limit, cursor: first.nextCursor };
            expect(live.search(next), `seed ${seed}: ${q} (${limit}), page 2`).toEqual(once.search(next));
          }
          compared++;
        }
    }
    expect(compared).toBe(84);
  });
});
