import { GrowableArray } from '../../binary/growable-array';
import type { IndexedEntity } from './indexed-article';

/**
 * The variants (name, type, aliases) of entities seen, numbered 0, 1, 2... as they are added, found by
 * their entity's value id and their strings, in typed arrays: each variant's strings as UTF-16 code
 * units (lengths before them, so no two variants share an encoding), and per entity value a list of its
 * variants. A Map of entity ids to variant objects holding the article's name and aliases was hundreds
 * of thousands of objects (and the articles' arrays they kept) that each full collection of a worker's
 * heap marked again; here it marks a few arrays. Strings are compared code unit by code unit, as `===`.
 */
export class EntityVariants {
  private readonly units = new GrowableArray(Uint16Array, 1 << 14);
  /** Variant v's code units are units[off[v], off[v + 1]). */
  private readonly off = new GrowableArray(Uint32Array, 1 << 10);
  /** Each value's first variant and each variant's next of the same value (-1: none). */
  private readonly first = new GrowableArray(Int32Array, 1 << 10, -1);
  private readonly next = new GrowableArray(Int32Array, 1 << 10, -1);
  /** The last entity encoded (by find), units[at, at + length): its key, added there by add. */
  private at = 0;

  constructor() {
    this.off.push(0);
  }

  /** How many variants it holds. */
  get length(): number {
    return this.off.length - 1;
  }

  /** The number of e's variant of entity value `value`, -1 if it holds none (then `add` may add it). */
  find(value: number, e: IndexedEntity): number {
    const length = this.encode(e);
    const units = this.units.array;
    const off = this.off.array;
    this.first.cover(value);
    for (let v = this.first.array[value]!; v >= 0; v = this.next.array[v]!) {
      const start = off[v]!;
      if (off[v + 1]! - start !== length) continue;
      let i = 0;
      while (i < length && units[start + i] === units[this.at + i]) i++;
      if (i === length) return v;
    }
    return -1;
  }

  /** How many variants value `value` has. */
  count(value: number): number {
    let n = 0;
    for (let v = this.first.array[value]!; v >= 0; v = this.next.array[v]!) n++;
    return n;
  }

  /** Adds the variant `find` looked for last (not found), of the same value; returns its number. */
  add(value: number): number {
    const v = this.length;
    this.off.push(this.units.length);
    this.next.cover(v);
    const first = this.first.array;
    if (first[value]! < 0) first[value] = v;
    else {
      let last = first[value]!;
      while (this.next.array[last]! >= 0) last = this.next.array[last]!;
      this.next.array[last] = v;
    }
    return v;
  }

  /**
   * Writes e's key after the variants' units (units.length is then where it ends, the variants' end
   * kept in off): returns its length. A string's length is two units (it may pass 65,535).
   */
  private encode(e: IndexedEntity): number {
    const units = this.units;
    units.length = this.off.array[this.off.length - 1]!;
    this.at = units.length;
    this.write(e.name);
    this.write(e.type);
    const aliases = e.aliases;
    this.writeLength(aliases.length);
    for (let i = 0; i < aliases.length; i++) this.write(aliases[i]!);
    return units.length - this.at;
  }

  private write(s: string): void {
    this.writeLength(s.length);
    this.units.reserve(s.length);
    const a = this.units.array;
    let at = this.units.length;
    for (let i = 0; i < s.length; i++) a[at++] = s.charCodeAt(i);
    this.units.length = at;
  }

  private writeLength(n: number): void {
    this.units.push(n >>> 16);
    this.units.push(n & 0xffff);
  }
}
