// Unsigned LEB128 varints, for compact snapshots of sorted id lists.
import { GrowableArray } from './growable-array';

/** A growable byte buffer for varints and raw bytes. */
export class ByteWriter {
  private readonly buffer: GrowableArray<Uint8Array>;
  /** `inPlace`: grown in place (see GrowableArray), for a large buffer. */
  constructor(capacity = 1024, inPlace = false) {
    this.buffer = new GrowableArray(Uint8Array, capacity, 0, inPlace);
  }
  /** Bytes written so far. */
  get length(): number {
    return this.buffer.length;
  }
  varint(v: number): void {
    const buffer = this.buffer;
    buffer.reserve(5);
    const out = buffer.array;
    let o = buffer.length;
    v >>>= 0;
    while (v >= 0x80) {
      out[o++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[o++] = v;
    buffer.length = o;
  }
  byte(v: number): void {
    // Written into the array, not pushed (see GrowableArray.push): postings, positions and records write bytes one by one.
    const buffer = this.buffer;
    if (buffer.length === buffer.array.length) buffer.reserve(1);
    buffer.array[buffer.length++] = v;
  }
  raw(b: Uint8Array): void {
    this.buffer.reserve(b.length);
    this.buffer.array.set(b, this.buffer.length);
    this.buffer.length += b.length;
  }
  done(): Uint8Array {
    return this.buffer.done();
  }
  /** The bytes written, sharing memory with the buffer (valid until the next write or clear). */
  view(): Uint8Array {
    return this.buffer.view();
  }
  /** Whether the bytes written are bytes[from, to). */
  equals(bytes: Uint8Array, from: number, to: number): boolean {
    const { array, length } = this.buffer;
    if (to - from !== length) return false;
    for (let i = 0; i < length; i++) if (array[i] !== bytes[from + i]) return false;
    return true;
  }
  /** Forgets the bytes written, keeping the buffer for the next ones. */
  clear(): void {
    this.buffer.length = 0;
  }
}

/** Reads varints from a byte range; `p` is the position (throws a RangeError past `end`). */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public p: number,
    readonly end: number,
  ) {}
  varint(): number {
    const b = this.bytes;
    let v = 0;
    let shift = 0;
    let c: number;
    do {
      if (this.p >= this.end) throw new RangeError('truncated varint data');
      c = b[this.p++]!;
      v |= (c & 0x7f) << shift;
      shift += 7;
    } while (c & 0x80 && shift < 35);
    return v >>> 0;
  }
}
