import { describe, expect, it } from 'vitest';
import { asyncStoreContract } from '../../test-support/async-store-contract';
import { initialState } from '../follow/poll-schedule';
import { sourceId } from '../follow/source-id';
import { asAsyncStore } from './as-async-store';
import { createMemoryStore } from './memory-store';

const NOW = '2026-03-04T10:00:00.000Z';
const LATER = '2026-03-04T10:05:00.000Z';

async function storeWithSources(n: number) {
  const store = asAsyncStore(createMemoryStore(), 'memory');
  for (let i = 0; i < n; i++) {
    const url = `http://127.0.0.1/feed-${i}.xml`;
    await store.sources.follow({
      id: sourceId(url),
      url,
      full: false,
      addedAt: NOW,
      state: initialState(NOW),
    });
  }
  return store;
}

describe('asAsyncStore leases', () => {
  it('gives each due source to one worker until its lease runs out', async () => {
    const store = await storeWithSources(5);
    const a = await store.sources.lease({ worker: 'a', now: NOW, until: LATER, limit: 3 });
    const b = await store.sources.lease({ worker: 'b', now: NOW, until: LATER, limit: 10 });
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(2);
    expect(new Set([...a, ...b].map((s) => s.id)).size).toBe(5);
    // After the lease ran out another worker takes the sources; the first one can no longer save them.
    const c = await store.sources.lease({
      worker: 'c',
      now: LATER,
      until: '2026-03-04T11:00:00.000Z',
      limit: 10,
    });
    expect(c.map((s) => s.id).sort()).toEqual([...a, ...b].map((s) => s.id).sort());
    expect(await store.sources.release(a[0]!.id, 'a', a[0]!.state)).toBe(false);
    const state = { ...c[0]!.state, polls: 1 };
    expect(await store.sources.release(c[0]!.id, 'c', state)).toBe(true);
    expect((await store.sources.get(c[0]!.id))?.state.polls).toBe(1);
  });
});

asyncStoreContract('memory (asAsyncStore)', {
  open: async () => asAsyncStore(createMemoryStore(), 'memory'),
});
