import { describe, expect, it, vi } from 'vitest';
import { corpusStateOf } from '../../corpus/corpus-over';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { fixture } from '../../../test-support/test-articles';
import { segmentsState } from './segments-state';

const article = (i: number): Article =>
  fixture({
    title: `Story ${i}`,
    body: [`body ${i}`],
    publishedAt: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
  });

const liveIds = (state: ReturnType<typeof segmentsState>) =>
  state.segments.flatMap((seg) =>
    Array.from({ length: seg.state.index.n }, (_, d) => d)
      .filter((d) => !seg.dead?.[d])
      .map((d) => seg.state.index.ids.at(d)),
  );

describe('segmentsState', () => {
  it('keeps the newest version of each article and hides deleted ids in every segment, over many segments', () => {
    const base = Array.from({ length: 30 }, (_, i) => article(i));
    // Each segment holds new versions of some earlier articles (same id and slug) and new ones.
    const segments = Array.from({ length: 8 }, (_, s) => [
      ...base.filter((_, i) => i % 8 === s),
      ...base.filter((_, i) => i % 5 === s).map((a) => ({ ...a, title: `${a.title} v${s}` })),
    ]);
    const deleted = new Set([base[3]!.id, base[10]!.id, 'a_not_there']);
    const state = segmentsState(
      segments.map((s) => createCorpus(s)),
      deleted,
    );
    const newest = new Map<string, string>();
    segments.forEach((seg, s) => {
      for (const a of seg) newest.set(a.id, `${s}:${a.title}`);
    });
    const expected = [...newest.keys()].filter((id) => !deleted.has(id)).sort();
    expect(liveIds(state).sort()).toEqual(expected);
    expect(state.size).toBe(expected.length);
    state.segments.forEach((seg, s) => {
      for (let d = 0; d < seg.state.index.n; d++)
        if (!seg.dead?.[d])
          expect(newest.get(seg.state.index.ids.at(d))).toBe(`${s}:${seg.state.article(d).title}`);
      expect(seg.live).toBe(seg.state.index.n - (seg.dead?.reduce((n, x) => n + x, 0) ?? 0));
    });
  });

  it('a small segment added to many looks its ids up once, in the segment larger than them, not in each earlier one', () => {
    const big = createCorpus(Array.from({ length: 120 }, (_, i) => article(i)));
    const tails = Array.from({ length: 7 }, (_, s) => createCorpus([article(1000 + s), article(2000 + s)]));
    const lookup = vi.spyOn(corpusStateOf(big)!, 'lookup');
    const tailLookups = tails.map((t) => vi.spyOn(corpusStateOf(t)!, 'lookup'));
    segmentsState([big, ...tails]);
    // The 14 tail ids, each looked up once in the big segment; tails test ids against a set instead.
    expect(lookup).toHaveBeenCalledTimes(14);
    for (const spy of tailLookups) expect(spy).not.toHaveBeenCalled();
  });

  it('a deleted set larger than a segment is tested against its ids; a slug kept by the new version still finds it', () => {
    const a = article(1);
    const b = article(2);
    const a2 = { ...a, title: 'A, updated' };
    const deleted = new Set([b.id, ...Array.from({ length: 50 }, (_, i) => `gone-${i}`)]);
    const state = segmentsState([createCorpus([a, b]), createCorpus([a2])], deleted);
    expect(liveIds(state)).toEqual([a2.id]);
    expect(state.segments[1]!.state.lookup(a.slug)).toBe(0);
  });

  // bench:live: each commit made every segment anew, so what is worked out per segment (its dead
  // documents' terms and entity counts) was worked out again for each new state of the corpus.
  it('a new state reuses each segment whose dead documents did not change, and only those', () => {
    const base = Array.from({ length: 12 }, (_, i) => article(i));
    const old = createCorpus(base);
    const mid = createCorpus([{ ...base[0]!, title: 'Story 0, updated' }, article(100)]);
    const first = segmentsState([old, mid]);
    const added = segmentsState([old, mid, createCorpus([article(101)])]);
    expect(added.segments[0]).toBe(first.segments[0]);
    expect(added.segments[1]).toBe(first.segments[1]);
    // A new version of an article of `old` kills one more of its documents: that segment is made anew.
    const updated = segmentsState([old, mid, createCorpus([{ ...base[5]!, title: 'Story 5, again' }])]);
    expect(updated.segments[0]).not.toBe(first.segments[0]);
    expect(updated.segments[0]!.live).toBe(first.segments[0]!.live - 1);
    expect(updated.segments[1]).toBe(first.segments[1]);
  });
});
