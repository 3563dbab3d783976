import { describe, expect, it } from 'vitest';
import { BlockCache } from './block-cache';
import type { PositionBlock } from './position-block';

const block = (id: number): PositionBlock => ({
  texts: Uint32Array.of(id),
  count: 1,
  end: 0,
  countWidth: 0,
  countByte: 0,
  width: 0,
  posByte: 0,
  posOff: null,
});

describe('the positional block cache', () => {
  it('gives a block back only under the key it was set with, the last set in a slot winning', () => {
    const cache = new BlockCache(64);
    expect(cache.get(0)).toBeUndefined();
    const kept = new Map<number, PositionBlock>();
    for (let key = 0; key < 5000; key += 7) {
      const b = block(key);
      cache.set(key, b);
      kept.set(key, b);
    }
    let hits = 0;
    for (let key = 0; key < 5000; key++) {
      const got = cache.get(key);
      if (got === undefined) continue;
      // Whatever a slot holds is the block set under the key asked for, never another key's.
      expect(got).toBe(kept.get(key));
      hits++;
    }
    // 64 slots hold at most 64 blocks, and the last sets are among them.
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThanOrEqual(64);
    expect(cache.get(4998)).toBe(kept.get(4998));
  });
});
