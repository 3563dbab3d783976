import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../binary/string-column';
import { createCorpus } from '../../corpus/create-corpus';
import { typoCandidates } from '../../search/engine/typo-candidates';
import { fixture } from '../../../test-support/test-articles';
import { mergedSurface } from './merged-surface';
import { segmentsState } from './segments-state';

// Words shared by segments, words of one segment only, and non-ASCII ones (code point order matters).
const segments = [
  ['election results', 'minister resigns', 'zoë école'],
  ['election recount', 'ministers meet', 'électeurs'],
  ['elections', 'zoe', 'minster', 'école électorale'],
].map((bodies, s) =>
  createCorpus(bodies.map((body, i) => fixture({ title: `Story ${s}-${i}`, body: [body] }))),
);

describe('mergedSurface', () => {
  const state = segmentsState(segments);
  const merged = mergedSurface(state);
  const words = (c: { at(i: number): string; length: number }) =>
    Array.from({ length: c.length }, (_, i) => c.at(i));

  it('holds every segment word once, in code point order, each naming a segment that holds it', () => {
    const all = [...new Set(state.segments.flatMap((seg) => words(seg.state.index.surface)))].sort(
      compareCodePoints,
    );
    expect(words(merged.dictionary.surface)).toEqual(all);
    merged.segment.forEach((s, w) => {
      expect(state.segments[s]!.state.index.surface.at(merged.word[w]!)).toBe(all[w]);
    });
  });

  it('finds by one typo walk the words that walks over each segment find, in the same order', () => {
    const term = (s: number, t: number) => state.segments[s]!.state.index.terms.at(t);
    let total = 0;
    for (const word of ['electon', 'ministr', 'ecolx', 'zoi', 'electeur']) {
      const each = state.segments.flatMap((seg, s) =>
        typoCandidates(seg.state.index, word, 2)!.found.map(({ t, d, w }) => ({
          t: term(s, t),
          d,
          word: seg.state.index.surface.at(w),
        })),
      );
      const expected = [...new Map(each.map((f) => [f.word, f])).values()]
        .sort(
          (x, y) =>
            Buffer.byteLength(x.word) - Buffer.byteLength(y.word) || compareCodePoints(x.word, y.word),
        )
        .map(({ t, d }) => ({ t, d }));
      const found = typoCandidates(merged.dictionary, word, 2)!.found.map(({ w, d }) => ({
        t: term(
          merged.segment[w]!,
          state.segments[merged.segment[w]!]!.state.index.surfaceTerm[merged.word[w]!]!,
        ),
        d,
      }));
      expect(found, word).toEqual(expected);
      total += found.length;
    }
    expect(total).toBeGreaterThan(5);
  });

  it('is built once per state', () => {
    expect(mergedSurface(state)).toBe(merged);
  });
});
