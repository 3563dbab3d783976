interface Entry<T> {
  value: T;
  weight: number;
  used: boolean;
}

/**
 * A cache of decoded values bounded by total weight, evicting the least recently used by second chance
 * (CLOCK): a hit only marks its entry used, where moving it to the back of the map (a delete and a set)
 * cost more than many hits' work; eviction walks from the oldest, sends a used entry to the back once
 * (unmarked) and drops the first unused one.
 */
export class LruCache<T> {
  private readonly map = new Map<number, Entry<T>>();
  private total = 0;
  /**
   * The clock's hand: one live iterator kept between evictions. A walk started afresh at each set would
   * step again over every slot the last walks emptied (a Map keeps them until it rehashes), which made a
   * full cache's sets cost as much as a phrase query's whole walk.
   */
  private hand: ReturnType<Map<number, Entry<T>>['entries']> | null = null;

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
    while (this.total > this.maxWeight) {
      let next = this.hand?.next();
      if (!next || next.done) {
        // Past the newest: the hand goes round to the oldest again.
        this.hand = this.map.entries();
        next = this.hand.next();
        if (next.done) return;
      }
      const [k, e] = next.value;
      this.map.delete(k);
      if (e.used) {
        e.used = false;
        this.map.set(k, e);
      } else this.total -= e.weight;
    }
  }
}
