import { describe, expect, it } from 'vitest';
import { liveCase } from '../../../test-support/live-segments';
import { segmentsState } from './segments-state';
import { liveDf } from './live-df';
import { commonestPrefixTerms, prefixTerms } from './merged-prefix';

const LETTERS = 'abcdeghiklmnoprstuw';

describe('prefixTerms', () => {
  it("lists each live term starting with the prefix once, in order, with its live count and each segment's id", () => {
    let listed = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const c = liveCase(seed, 90);
      const state = segmentsState(c.corpora, new Set(c.deleted));
      for (const p of ['', ...LETTERS, 'st', 'ma', 'zz']) {
        const terms = prefixTerms(state, p);
        const names = Array.from({ length: terms.count }, (_, i) => terms.name(i));
        // What each segment's dictionary holds, by name, without the terms only dead documents hold.
        const expected = [
          ...new Set(
            state.segments.flatMap((seg) => {
              const [from, to] = seg.state.index.terms.prefixRange(p);
              return Array.from({ length: to - from }, (_, i) => seg.state.index.terms.at(from + i));
            }),
          ),
        ]
          .filter((t) => liveDf(state, t) > 0)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(names, `seed ${seed}, '${p}'`).toEqual(expected);
        names.forEach((name, i) => {
          expect(terms.df[i]).toBe(liveDf(state, name));
          state.segments.forEach((seg, s) => {
            const id = terms.ids[i * state.segments.length + s]!;
            expect(id < 0 ? undefined : seg.state.index.terms.at(id)).toBe(id < 0 ? undefined : name);
            if (id < 0) expect(seg.state.index.terms.find(name)).toBeLessThan(0);
          });
        });
        listed += terms.count;
      }
    }
    expect(listed).toBeGreaterThan(1000);
  });

  it('ranks the commonest as a sort of every term would, leaving out the exact term', () => {
    const c = liveCase(3, 120);
    const state = segmentsState(c.corpora, new Set(c.deleted));
    for (const p of [...LETTERS, 'st']) {
      const terms = prefixTerms(state, p);
      const order = Array.from({ length: terms.count }, (_, i) => i).sort(
        (x, y) => terms.df[y]! - terms.df[x]! || x - y,
      );
      for (const k of [1, 3, 10]) {
        const except = terms.count > 1 ? terms.name(order[1]!) : undefined;
        const want = order.filter((i) => terms.name(i) !== except).slice(0, k);
        expect(commonestPrefixTerms(terms, k, except), `'${p}' k=${k}`).toEqual(want);
      }
    }
  });
});
