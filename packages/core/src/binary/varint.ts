// Unsigned LEB128 varints, for compact snapshots of sorted id lists.

/** A growable byte buffer for varints and raw bytes. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  private room(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const b = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    b.set(this.bytes.subarray(0, this.length));
    this.bytes = b;
  }
  varint(v: number): void {
    this.room(5);
    const out = this.bytes;
    let o = this.length;
    v >>>= 0;
    while (v >= 0x80) {
      out[o++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[o++] = v;
    this.length = o;
  }
  byte(v: number): void {
    this.room(1);
    this.bytes[this.length++] = v;
  }
  raw(b: Uint8Array): void {
    this.room(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
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
