import { GrowableArray, uncountedArray } from './growable-array';
import { hashBytes } from './hash-bytes';
import { decodeUtf8, StringColumn } from './string-column';

/** Slots per string at most (a load of a half): linear probing stays short. */
const MAX_LOAD = 0.5;
const encoder = new TextEncoder();
/** Valid UTF-8 only: decoded whole, it cuts into the strings decoded one by one (see strings). */
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Whether the bytes are UTF-8 throughout (internBytes takes any bytes). */
export function isUtf8(bytes: Uint8Array): boolean {
  return wholeUtf8(bytes) !== undefined;
}

/** Bytes decoded whole, or undefined if they are not UTF-8 (bytes given to internBytes may be any). */
function wholeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Strings numbered by first sighting (0, 1, 2...), as a Map<string, number> would number them, but held
 * in typed arrays: their UTF-8 bytes in one buffer and an open-addressed table of their numbers. A
 * million strings in a Map are a million entries the garbage collector traces on every full collection
 * of the heap beside them (the thread holding a corpus's articles, whose collections take seconds);
 * here it traces a few arrays. Strings are told apart by their UTF-8 bytes, as TextEncoder writes them:
 * two that differ only in a lone surrogate (each U+FFFD in UTF-8) are one string here.
 */
export class InternTable {
  /** The strings' UTF-8 bytes, one after another. */
  private readonly bytes: GrowableArray<Uint8Array>;
  /** String i is bytes[off[i], off[i + 1]). */
  private readonly off: GrowableArray<Uint32Array>;
  private readonly hashes: GrowableArray<Uint32Array>;
  /** 1 + the number of the string in each slot, 0 for an empty slot; its length a power of two. */
  private slots: Int32Array;
  private scratch = new Uint8Array(1 << 8);

  /**
   * `inPlace` grows its arrays in place and makes its slot tables outside V8's count of external
   * memory (see GrowableArray, uncountedArray): for a table built on a thread whose heap holds a corpus.
   */
  constructor(
    capacity = 1 << 10,
    private readonly inPlace = false,
  ) {
    this.bytes = new GrowableArray(Uint8Array, 1 << 12, 0, inPlace);
    this.off = new GrowableArray(Uint32Array, 1 << 10, 0, inPlace);
    this.hashes = new GrowableArray(Uint32Array, 1 << 10, 0, inPlace);
    this.off.push(0);
    let size = 16;
    while (size * MAX_LOAD < capacity) size *= 2;
    this.slots = this.slotTable(size);
  }

  private slotTable(size: number): Int32Array {
    return this.inPlace ? uncountedArray(Int32Array, size) : new Int32Array(size);
  }

  /** How many strings it holds. */
  get length(): number {
    return this.off.length - 1;
  }

  /**
   * The number of s: its old one, or if s is new the next one (`length` before the call), or -1 when
   * `add` is false (s is then not added).
   */
  intern(s: string, add = true): number {
    // An ASCII string's code units are its UTF-8 bytes: copied as they are; any other is encoded.
    const length = s.length;
    if (this.scratch.length < length) this.scratch = new Uint8Array(2 * length);
    const scratch = this.scratch;
    // Hashed as it is copied (hashBytes' FNV-1a): one pass over the string, not two.
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return this.internEncoded(s, add);
      scratch[i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return this.internHashed(scratch, 0, length, h >>> 0, add);
  }

  /** intern for a string with non-ASCII characters: by its UTF-8 bytes. */
  private internEncoded(s: string, add: boolean): number {
    if (this.scratch.length < 3 * s.length) this.scratch = new Uint8Array(6 * s.length);
    return this.internKey(this.scratch, 0, encoder.encodeInto(s, this.scratch).written, add);
  }

  /** intern for a string given as its UTF-8 bytes, key[from, to). */
  internBytes(key: Uint8Array, from: number, to: number): number {
    return this.internKey(key, from, to, true);
  }

  private internKey(key: Uint8Array, from: number, to: number, add: boolean): number {
    return this.internHashed(key, from, to, hashBytes(key, from, to), add);
  }

  /** internKey of a key whose hashBytes is h. */
  private internHashed(key: Uint8Array, from: number, to: number, h: number, add: boolean): number {
    const length = to - from;
    const slots = this.slots;
    const mask = slots.length - 1;
    const bytes = this.bytes.array;
    const off = this.off.array;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = slots[at]! - 1;
      if (id < 0) break;
      if (this.hashes.array[id] !== h) continue;
      const start = off[id]!;
      if (off[id + 1]! - start !== length) continue;
      let i = 0;
      while (i < length && bytes[start + i] === key[from + i]) i++;
      if (i === length) return id;
    }
    return add ? this.add(key, from, length, h) : -1;
  }

  /** Room for the strings and bytes `growth` times those it holds (see GrowableArray.projectGrowth). */
  projectGrowth(growth: number): void {
    this.bytes.projectGrowth(growth);
    this.off.projectGrowth(growth);
    this.hashes.projectGrowth(growth);
  }

  /** String i, decoded from its bytes. */
  at(i: number): string {
    const off = this.off.array;
    return decodeUtf8(this.bytes.array, off[i]!, off[i + 1]!);
  }

  /**
   * Every string, in number order: the bytes decoded in one call and cut at each string's first code
   * unit, not decoded one by one (a call, and for ASCII a string built a character at a time, per string).
   */
  strings(): string[] {
    const n = this.length;
    const off = this.off.array;
    const bytes = this.bytes.array.subarray(0, off[n]!);
    const all = wholeUtf8(bytes);
    // Bytes that are not UTF-8 (internBytes takes any): each string decoded on its own.
    if (all === undefined) return Array.from({ length: n }, (_, i) => this.at(i));
    const out = new Array<string>(n);
    if (all.length === bytes.length) {
      for (let i = 0; i < n; i++) out[i] = all.slice(off[i]!, off[i + 1]!);
      return out;
    }
    // Code units before each string: one per UTF-8 lead byte, two for a 4-byte one (a surrogate pair).
    let units = 0;
    for (let i = 0; i < n; i++) {
      const start = units;
      // A string starting mid-character was decoded with the one before it: each then on its own.
      if (off[i]! < off[i + 1]! && (bytes[off[i]!]! & 0xc0) === 0x80)
        return Array.from({ length: n }, (_, j) => this.at(j));
      for (let k = off[i]!; k < off[i + 1]!; k++) {
        const c = bytes[k]!;
        if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
      }
      out[i] = all.slice(start, units);
    }
    return out;
  }

  /** Strings from..to-1 as a column of their own (copied: its buffers can be transferred). */
  slice(from: number, to: number): StringColumn {
    const off = this.off.array;
    const start = off[from]!;
    const bytes = this.bytes.array.slice(start, off[to]!);
    const offsets = new Uint32Array(to - from + 1);
    for (let i = from; i <= to; i++) offsets[i - from] = off[i]! - start;
    return new StringColumn(bytes, offsets);
  }

  /**
   * Adds the string of bytes key[from, from + length) (known to be new), of hash h; returns its number.
   * Copied byte by byte, not by set(): set takes a view of the key, an object per string added.
   */
  private add(key: Uint8Array, from: number, length: number, h: number): number {
    const id = this.length;
    this.bytes.reserve(length);
    const bytes = this.bytes.array;
    const at = this.bytes.length;
    for (let i = 0; i < length; i++) bytes[at + i] = key[from + i]!;
    this.bytes.length += length;
    this.off.push(this.bytes.length);
    this.hashes.push(h);
    if (id + 1 > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2);
    this.place(this.slots, id, h);
    return id;
  }

  private place(slots: Int32Array, id: number, h: number): void {
    const mask = slots.length - 1;
    let at = h & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = id + 1;
  }

  /** A table of `size` slots holding every string but the one being added (placed by the caller). */
  private rehash(size: number): void {
    const slots = this.slotTable(size);
    const hashes = this.hashes.array;
    for (let id = 0; id < this.length - 1; id++) this.place(slots, id, hashes[id]!);
    this.slots = slots;
  }

  /** The strings in number order, as StringColumn.from would encode them; the table is spent after it. */
  column(): StringColumn {
    return new StringColumn(this.bytes.done(), this.off.done());
  }
}
