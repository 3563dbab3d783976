import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { readsAsStatement } from '../../text/statement';
import { QuoteTerms } from './quote-terms';

/**
 * Term ids of a text as a stand-in analyser gives them: its words' lengths, a stop word ("the") -1
 * (a counter tells the scans).
 */
function analyser() {
  let scans = 0;
  const scan = (text: string, onId: (id: number) => void) => {
    scans++;
    for (const w of text.split(' ').filter(Boolean)) onId(w === 'the' ? -1 : w.length);
  };
  const termIds = (text: string) => {
    const out: number[] = [];
    scan(text, (t) => {
      if (t >= 0) out.push(t);
    });
    return out;
  };
  return { scan, termIds, scans: () => scans };
}

describe('QuoteTerms', () => {
  it('gives each quotation the term ids a scan gives, scanning each text once up to its room, and each text past it every time', () => {
    const random = seededRandom(17);
    const words = ['we', 'will', 'not', 'back', 'down', 'today', 'é', 'the', 'plan'];
    const texts = Array.from({ length: 40 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 9) },
        () => words[Math.floor(random() * words.length)],
      ).join(' '),
    );
    const draws = Array.from({ length: 400 }, () => texts[Math.floor(random() * texts.length)]!);
    const distinct = [...new Set(draws)];
    for (const max of [1000, 10]) {
      const { scan, scans } = analyser();
      const cache = new QuoteTerms(scan, max);
      const reference = analyser().termIds;
      for (const text of draws) {
        const ids = cache.of(text);
        expect([...ids.slice(cache.from, cache.to)]).toEqual(reference(text));
        const quote = { text, partial: text.length % 2 === 0 };
        expect(cache.readsAsStatement(quote)).toBe(readsAsStatement(quote));
      }
      const cached = distinct.slice(0, max);
      const uncached = draws.filter((t) => !cached.includes(t)).length;
      // Kept texts are scanned once; the others at each draw.
      expect(scans()).toBe(cached.length + uncached);
    }
  });
});
