import { describe, expect, it } from 'vitest';
import type { CorpusState } from '../../corpus/components/corpus-state';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { fixture } from '../../../test-support/test-articles';
import { analysedTerms, deadTerms } from './dead-terms';
import { segmentsState } from './segments-state';

const article = (i: number): Article =>
  fixture({ title: `Story ${i} of harbour ${i % 3}`, body: [`body ${i} mentions the river ${i % 4}`] });

/** The analysis, counting the documents it is asked for. */
function counting() {
  const asked: number[] = [];
  const terms = (state: CorpusState, d: number) => {
    asked.push(d);
    return analysedTerms(state, d);
  };
  return { asked, terms };
}

/** The dead documents' terms counted from nothing, one analysis per dead document. */
function fromScratch(state: CorpusState, dead: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  dead.forEach((x, d) => {
    if (x) for (const t of analysedTerms(state, d)) out.set(t, (out.get(t) ?? 0) + 1);
  });
  return out;
}

const updated = (a: Article, v: string): Article => ({ ...a, title: `${a.title} ${v}` });

// bench:live: every new state of a live corpus analysed again every dead document of every segment.
describe('deadTerms', () => {
  it('analyses only the documents newly dead since the last count over the same segment', () => {
    const base = Array.from({ length: 20 }, (_, i) => article(i));
    const old = createCorpus(base);
    const first = segmentsState([old, createCorpus([updated(base[1]!, 'v2'), updated(base[2]!, 'v2')])]);
    const a = counting();
    const before = deadTerms(first.segments[0]!, a.terms);
    expect(a.asked).toHaveLength(2);
    expect(before).toEqual(fromScratch(first.segments[0]!.state, first.segments[0]!.dead!));

    // A commit that touches nothing of `old`: its segment and its count are the same ones.
    const same = segmentsState([
      old,
      createCorpus([updated(base[1]!, 'v2'), updated(base[2]!, 'v2')]),
      createCorpus([article(50)]),
    ]);
    const b = counting();
    expect(deadTerms(same.segments[0]!, b.terms)).toBe(before);
    expect(b.asked).toHaveLength(0);

    // One more of its articles updated: that one document analysed, the count as from scratch.
    const next = segmentsState([
      old,
      createCorpus([updated(base[1]!, 'v2'), updated(base[2]!, 'v2')]),
      createCorpus([updated(base[7]!, 'v3')]),
    ]);
    const c = counting();
    const after = deadTerms(next.segments[0]!, c.terms);
    expect(c.asked).toEqual([next.segments[0]!.state.lookup(base[7]!.id)]);
    expect(after).toEqual(fromScratch(next.segments[0]!.state, next.segments[0]!.dead!));
    expect(before).toEqual(fromScratch(first.segments[0]!.state, first.segments[0]!.dead!));
  });
});
