import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test-support/seeded-random';
import { LruCache } from './lru-cache';

/** Second chance as a queue, oldest first: the order a CLOCK hand over the entries visits them in. */
class ClockModel {
  private readonly queue: Array<{ key: number; weight: number; used: boolean }> = [];
  private total = 0;
  constructor(private readonly maxWeight: number) {}
  has(key: number): boolean {
    const e = this.queue.find((x) => x.key === key);
    if (e) e.used = true;
    return e !== undefined;
  }
  set(key: number, weight: number): void {
    if (weight > this.maxWeight) return;
    const at = this.queue.findIndex((x) => x.key === key);
    if (at >= 0) this.total -= this.queue.splice(at, 1)[0]!.weight;
    this.queue.push({ key, weight, used: true });
    this.total += weight;
    while (this.total > this.maxWeight) {
      const e = this.queue.shift()!;
      if (e.used) {
        e.used = false;
        this.queue.push(e);
      } else this.total -= e.weight;
    }
  }
}

describe('the decoded-block cache', () => {
  it('holds no more than its weight, and keeps an entry read since the last eviction over one not read', () => {
    const cache = new LruCache<string>(10);
    for (let k = 0; k < 5; k++) cache.set(k, `v${k}`, 2);
    for (let k = 0; k < 5; k++) expect(cache.get(k)).toBe(`v${k}`);
    // Every entry was read: the oldest goes once all have had their second chance.
    cache.set(5, 'v5', 2);
    expect(cache.get(0)).toBeUndefined();
    // 1 is read again, 2 is not: 2 goes first.
    cache.get(1);
    cache.set(6, 'v6', 2);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBe('v1');
    expect(cache.get(6)).toBe('v6');
    const held = [1, 3, 4, 5, 6].filter((k) => cache.get(k) !== undefined);
    expect(held.length * 2).toBeLessThanOrEqual(10);
  });

  it('replaces a value set again, refuses one heavier than the whole cache, and survives many sets', () => {
    const cache = new LruCache<number>(100);
    cache.set(1, 1, 10);
    cache.set(1, 2, 20);
    expect(cache.get(1)).toBe(2);
    cache.set(2, 3, 101);
    expect(cache.get(2)).toBeUndefined();
    for (let k = 0; k < 10_000; k++) {
      cache.set(k, k, 1 + (k % 7));
      if (k % 3 === 0) cache.get(k - 5);
    }
    let weight = 0;
    for (let k = 0; k < 10_000; k++) if (cache.get(k) !== undefined) weight += 1 + (k % 7);
    expect(weight).toBeLessThanOrEqual(100);
    expect(cache.get(9_999)).toBe(9_999);
  });

  it('evicts what a second-chance queue evicts, over many sets, sets again and reads', () => {
    const r = seededRandom(15);
    const cache = new LruCache<number>(60);
    const model = new ClockModel(60);
    for (let step = 0; step < 20_000; step++) {
      const key = Math.floor(r() * 40);
      if (r() < 0.5) {
        const weight = 1 + Math.floor(r() * 12);
        cache.set(key, key, weight);
        model.set(key, weight);
      } else expect(cache.get(key) !== undefined, `step ${step}: key ${key}`).toBe(model.has(key));
    }
  });
});
