import { hashBytes } from '../../binary/hash-bytes';
import type { StringColumn } from '../../binary/string-column';

/** Are string a of column x and string b of column y the same bytes? */
function sameBytes(x: StringColumn, a: number, y: StringColumn, b: number): boolean {
  const fromA = x.off[a]!;
  const fromB = y.off[b]!;
  const n = x.off[a + 1]! - fromA;
  if (y.off[b + 1]! - fromB !== n) return false;
  for (let i = 0; i < n; i++) if (x.bytes[fromA + i] !== y.bytes[fromB + i]) return false;
  return true;
}

/**
 * A set of strings held in string columns (the ids of a live corpus's later segments), each kept as its
 * column and number: an open-addressing table of typed arrays, so a segment's hundred thousand ids are
 * added and asked about without one JS string or Set entry each (a cold start over 100k segments spent
 * 100 ms or more a segment decoding and hashing ids as strings).
 */
export class IdTable {
  private readonly columns: StringColumn[] = [];
  private hashes: Uint32Array;
  /** Column (plus one; 0 for an empty slot) and string number of each slot. */
  private slotColumn: Uint16Array;
  private slotString: Uint32Array;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.hashes = new Uint32Array(size);
    this.slotColumn = new Uint16Array(size);
    this.slotString = new Uint32Array(size);
  }

  /** Strings held. */
  get size(): number {
    return this.used;
  }

  /** Adds every string of a column but those `skip` marks (1). */
  addColumn(column: StringColumn, count: number, skip: Uint8Array | null = null): void {
    const c = this.columns.indexOf(column) + 1 || this.columns.push(column);
    if (c > 0xffff) throw new RangeError('IdTable holds at most 65,535 columns');
    this.reserve(this.used + count);
    for (let i = 0; i < count; i++) if (skip === null || skip[i] === 0) this.insert(c, column, i);
  }

  /** Is string i of `column` held? */
  has(column: StringColumn, i: number): boolean {
    const h = hashBytes(column.bytes, column.off[i]!, column.off[i + 1]!);
    const mask = this.hashes.length - 1;
    for (let slot = h & mask; this.slotColumn[slot] !== 0; slot = (slot + 1) & mask)
      if (
        this.hashes[slot] === h &&
        sameBytes(this.columns[this.slotColumn[slot]! - 1]!, this.slotString[slot]!, column, i)
      )
        return true;
    return false;
  }

  /** Each string held, as its column and number. */
  *entries(): Generator<[StringColumn, number]> {
    for (let slot = 0; slot < this.slotColumn.length; slot++)
      if (this.slotColumn[slot] !== 0)
        yield [this.columns[this.slotColumn[slot]! - 1]!, this.slotString[slot]!];
  }

  private insert(c: number, column: StringColumn, i: number): void {
    const h = hashBytes(column.bytes, column.off[i]!, column.off[i + 1]!);
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    for (; this.slotColumn[slot] !== 0; slot = (slot + 1) & mask)
      if (
        this.hashes[slot] === h &&
        sameBytes(this.columns[this.slotColumn[slot]! - 1]!, this.slotString[slot]!, column, i)
      )
        return;
    this.hashes[slot] = h;
    this.slotColumn[slot] = c;
    this.slotString[slot] = i;
    this.used++;
  }

  /** Room for `count` strings at most half full, the held ones placed again when it grows. */
  private reserve(count: number): void {
    if (count * 2 <= this.hashes.length) return;
    let size = this.hashes.length;
    while (size < count * 2) size *= 2;
    const { hashes, slotColumn, slotString } = this;
    this.hashes = new Uint32Array(size);
    this.slotColumn = new Uint16Array(size);
    this.slotString = new Uint32Array(size);
    const mask = size - 1;
    for (let old = 0; old < hashes.length; old++) {
      if (slotColumn[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (this.slotColumn[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[old]!;
      this.slotColumn[slot] = slotColumn[old]!;
      this.slotString[slot] = slotString[old]!;
    }
  }
}
