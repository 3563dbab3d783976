/** A cache of decoded values bounded by total weight; least recently used go first. */
export class LruCache<T> {
  private readonly map = new Map<number, { value: T; weight: number }>();
  private total = 0;

  constructor(private readonly maxWeight: number) {}

  get(key: number): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: number, value: T, weight: number): void {
    if (weight > this.maxWeight) return;
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.total -= old.weight;
    }
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxWeight) break;
      this.map.delete(k);
      this.total -= e.weight;
    }
  }
}
