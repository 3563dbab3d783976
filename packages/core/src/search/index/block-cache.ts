import type { PositionBlock } from './position-block';

/**
 * Decoded positional blocks by their first byte (unique over all records), direct-mapped: a key has one
 * slot (a hash of it) and a block set there replaces the one before. A phrase walk asks for a block at
 * every step across a common word's list, so get and set are an array read and write: no recency to
 * keep, no eviction walk (an LRU's bookkeeping cost as much as decoding the block again). Its size
 * bounds its memory: slots times the largest block.
 */
export class BlockCache {
  private readonly keys: Float64Array;
  private readonly blocks: Array<PositionBlock | undefined>;
  private readonly shift: number;
  /** The last key each slot missed and how often in a row (a key's count is lost when another takes its slot). */
  private readonly missKeys: Float64Array;
  private readonly misses: Uint8Array;

  /** About `slots` blocks (rounded up to a power of two). */
  constructor(slots: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(Math.max(1, slots))));
    this.keys = new Float64Array(2 ** bits).fill(-1);
    this.blocks = new Array(2 ** bits).fill(undefined);
    this.shift = 32 - bits;
    this.missKeys = new Float64Array(2 ** bits).fill(-1);
    this.misses = new Uint8Array(2 ** bits);
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): PositionBlock | undefined {
    const s = this.slot(key);
    return this.keys[s] === key ? this.blocks[s] : undefined;
  }

  /** Counts a miss of key: how many times it has been missed (1 the first time, at most 255). */
  missed(key: number): number {
    const s = this.slot(key);
    if (this.missKeys[s] !== key) {
      this.missKeys[s] = key;
      this.misses[s] = 0;
    }
    if (this.misses[s]! < 255) this.misses[s]!++;
    return this.misses[s]!;
  }

  set(key: number, block: PositionBlock): void {
    const s = this.slot(key);
    this.keys[s] = key;
    this.blocks[s] = block;
  }
}
