import { describe, expect, it } from 'vitest';
import { liveCase } from '../../../test-support/live-segments';
import type { RelatedParams } from '../../query-schema/query-params-schema';

describe('related over segments', () => {
  it("gives each live article's related articles as the corpus built at once does (global idf, dead ones left out)", () => {
    let items = 0;
    for (let seed = 31; seed <= 36; seed++) {
      const c = liveCase(seed, 60 + seed);
      const asks: RelatedParams[] = [{}, { limit: 12 }, { limit: 3, filters: { section: 'politics' } }];
      for (const [i, id] of c.ids.entries()) {
        const params = asks[i % asks.length]!;
        const once = c.once.related(id, params);
        items += once.items.length;
        expect(c.live.related(id, params), `seed ${seed}: ${id} ${JSON.stringify(params)}`).toEqual(once);
      }
    }
    expect(items).toBeGreaterThan(200);
  });

  it('refuses an id that is deleted or was never there, as a build at once does', () => {
    const c = liveCase(37, 120);
    expect(c.deleted.length).toBeGreaterThan(0);
    for (const id of [...c.deleted, 'nope']) {
      expect(() => c.once.related(id)).toThrow(`No article has the id or slug "${id}"`);
      expect(() => c.live.related(id)).toThrow(`No article has the id or slug "${id}"`);
    }
  });
});
