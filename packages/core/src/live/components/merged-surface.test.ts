import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../binary/string-column';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { typoCandidates } from '../../search/engine/typo-candidates';
import { fixture } from '../../../test-support/test-articles';
import { mergeSurfaces, type TypoSource, typoSources } from './merged-surface';
import { segmentsState } from './segments-state';

// Words shared by segments, words of one segment only, and non-ASCII ones (code point order matters).
const bodies = [
  ['election results', 'minister resigns', 'zoë école'],
  ['election recount', 'ministers meet', 'électeurs'],
  ['elections', 'zoe', 'minster', 'école électorale'],
];
const articles = (list: string[], s: number): Article[] =>
  list.map((body, i) => fixture({ title: `Story ${s}-${i}`, body: [body] }));
/** The segments as new corpora (each test starts with no merge made). */
const fresh = () => bodies.map((list, s) => createCorpus(articles(list, s)));
const segments = fresh();
const WORDS = ['electon', 'ministr', 'ecolx', 'zoi', 'electeur', 'recont'];

const words = (c: { at(i: number): string; length: number }) =>
  Array.from({ length: c.length }, (_, i) => c.at(i));

/** Terms and distances typo walks over the sources find, by UTF-8 length then word (typoTerms' order). */
function walked(sources: readonly TypoSource[], word: string): Array<{ t: string; d: number }> {
  const found = sources.flatMap((src) =>
    typoCandidates(src.dictionary, word, 2)!.found.map(({ w, d }) => ({
      t: src.termOf(w),
      d,
      word: src.dictionary.surface.at(w),
    })),
  );
  return [...new Map(found.map((f) => [f.word, f])).values()]
    .sort(
      (x, y) => Buffer.byteLength(x.word) - Buffer.byteLength(y.word) || compareCodePoints(x.word, y.word),
    )
    .map(({ t, d }) => ({ t, d }));
}

describe('mergeSurfaces', () => {
  const state = segmentsState(segments);
  const indexes = state.segments.map((seg) => seg.state.index);
  const merged = mergeSurfaces(indexes);

  it('holds every segment word once, in code point order, each naming a segment that holds it', () => {
    const all = [...new Set(indexes.flatMap((ix) => words(ix.surface)))].sort(compareCodePoints);
    expect(words(merged.dictionary.surface)).toEqual(all);
    merged.segment.forEach((s, w) => {
      expect(indexes[s]!.surface.at(merged.word[w]!)).toBe(all[w]);
    });
  });

  it('finds by one typo walk the words that walks over each segment find, in the same order', () => {
    const own = indexes.map((ix) => ({
      dictionary: ix,
      termOf: (w: number) => ix.terms.at(ix.surfaceTerm[w]!),
    }));
    let total = 0;
    for (const word of WORDS) {
      const found = walked([merged], word);
      expect(found, word).toEqual(walked(own, word));
      total += found.length;
    }
    expect(total).toBeGreaterThan(5);
  });
});

describe('typoSources', () => {
  it('merges every segment once, and a later state with the same segments reuses the merge', () => {
    const first = typoSources(segmentsState(segments));
    expect(first).toHaveLength(1);
    expect(typoSources(segmentsState(segments))).toEqual(first);
  });

  it('after a small segment is added, walks the merge before it and the small one, finding what a full merge finds', () => {
    const base = fresh();
    typoSources(segmentsState(base));
    const small = createCorpus(articles(['electrons mninister'], 9));
    const after = typoSources(segmentsState([...base, small]));
    expect(after).toHaveLength(2);
    expect(after[0]!.dictionary.surface.length).toBe(
      mergeSurfaces(base.map(indexOf)).dictionary.surface.length,
    );
    const full = [mergeSurfaces([...base, small].map(indexOf))];
    for (const word of WORDS) expect(walked(after, word), word).toEqual(walked(full, word));
  });

  it('merges again when a segment before the last is replaced (a merge of segments)', () => {
    const base = fresh();
    const before = typoSources(segmentsState(base))[0]!;
    const replaced = [base[0]!, createCorpus(articles(['election recount ministers', 'électeurs zoe'], 7))];
    const after = typoSources(segmentsState(replaced));
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(words(after[0]!.dictionary.surface)).toEqual(
      words(mergeSurfaces(replaced.map(indexOf)).dictionary.surface),
    );
  });
});

function indexOf(c: ReturnType<typeof createCorpus>) {
  return segmentsState([c]).segments[0]!.state.index;
}
