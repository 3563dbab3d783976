/**
 * A cache of decoded values bounded by total weight, evicting the least recently used by second chance
 * (CLOCK): a hit only marks its entry used, where moving it to the back of the map (a delete and a set)
 * cost more than many hits' work; eviction walks from the oldest, sends a used entry to the back once
 * (unmarked) and drops the first unused one.
 */
export class LruCache<T> {
  private readonly map = new Map<number, { value: T; weight: number; used: boolean }>();
  private total = 0;

  constructor(private readonly maxWeight: number) {}

  get(key: number): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    e.used = true;
    return e.value;
  }

  set(key: number, value: T, weight: number): void {
    if (weight > this.maxWeight) return;
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.total -= old.weight;
    }
    // New entries start used, so the walk gives every older used entry its second chance first.
    this.map.set(key, { value, weight, used: true });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxWeight) break;
      this.map.delete(k);
      if (e.used) {
        e.used = false;
        this.map.set(k, e);
      } else this.total -= e.weight;
    }
  }
}
