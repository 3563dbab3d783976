import { describe, expect, it } from 'vitest';
import { liveCase } from '../../../test-support/live-segments';
import { docHasSequence, phraseLists } from '../../search/engine/evaluate-query';
import { textMatches } from '../../search/engine/snippets';
import { mergedProximity } from './merged-proximity';
import { type SegmentDoc, segmentsState } from './segments-state';

describe('mergedProximity', () => {
  it("boosts the candidates holding the words in order, as each segment's docHasSequence says, and finds their texts' matches", () => {
    let boosted = 0;
    let asked = 0;
    let found = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const c = liveCase(seed, 90);
      const state = segmentsState(c.corpora, new Set(c.deleted));
      // Candidates from every segment, interleaved (a merged ranking mixes them).
      const candidates: SegmentDoc[] = [];
      for (let d = 0; d < 12; d++)
        state.segments.forEach((seg, s) => {
          if (d < seg.state.index.n) candidates.push({ s, d: (d * 7) % seg.state.index.n });
        });
      for (let q = 0; q < 8; q++) {
        const terms = [c.words[q]!, c.words[q + 1]!];
        const matched = new Set(terms);
        const got = mergedProximity(state, candidates, terms, matched, true);
        candidates.forEach((r, i) => {
          const ix = state.segments[r.s]!.state.index;
          expect(got.boosted.has(i), `seed ${seed}, ${terms.join(' ')}, ${r.s}/${r.d}`).toBe(
            docHasSequence(ix, r.d, phraseLists(ix, terms)),
          );
          asked++;
        });
        boosted += got.boosted.size;
        state.segments.forEach((seg, s) => {
          const docs = candidates.filter((r) => r.s === s).map((r) => r.d);
          const texts = got.texts[s];
          // A segment lacking a word has no phrase lists: its snippets find their texts' matches alone.
          if (texts === undefined) {
            expect(phraseLists(seg.state.index, terms)).toBeNull();
            return;
          }
          found++;
          expect(texts.docs).toEqual(docs);
          expect(texts.counts).toEqual(textMatches(seg.state.index, matched, docs).counts);
        });
        // Without texts asked for, the same boost and none found.
        const bare = mergedProximity(state, candidates, terms, matched, false);
        expect(bare.boosted).toEqual(got.boosted);
        expect(bare.texts.every((t) => t === undefined)).toBe(true);
      }
    }
    // Not vacuous: some candidates hold a pair in order, most do not.
    expect(boosted).toBeGreaterThan(0);
    expect(boosted).toBeLessThan(asked / 2);
    expect(found).toBeGreaterThan(20);
  });
});
