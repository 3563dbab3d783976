import { describe, expect, it } from 'vitest';
import { liveCase } from '../../../test-support/live-segments';
import type { FacetsParams } from '../../query-schema/query-params-schema';

describe('facets over segments', () => {
  it('counts every facet value as the corpus built at once does, summed across segments, same top values and ties', () => {
    let counted = 0;
    for (let seed = 21; seed <= 30; seed++) {
      const c = liveCase(seed, 70 + seed);
      const w = () => c.words[Math.floor(c.words.length * c.random() ** 2)]!;
      const asks: FacetsParams[] = [
        {},
        { limit: 2 },
        { q: w() },
        { q: `${w()} OR ${w()}`, facets: ['section', 'month'], limit: 3 },
        { q: `${w().slice(0, 2)}*`, filters: { section: 'sport' } },
        { filters: { tag: 'energy' }, facets: ['person', 'place', 'organization', 'tag'] },
        { q: 'zqxjvy' },
        { filters: { entity: 'Acme' } },
      ];
      for (const params of asks) {
        const once = c.once.facets(params);
        counted += Object.values(once).reduce((n, values) => n + values.length, 0);
        expect(c.live.facets(params), `seed ${seed}: ${JSON.stringify(params)}`).toEqual(once);
      }
    }
    expect(counted).toBeGreaterThan(100);
  });
});
