// Many strings as one UTF-8 buffer plus offsets: off the JS heap, written to and read from a snapshot
// without parsing, decoded one at a time when asked for.

const encoder = new TextEncoder();
// ignoreBOM: a string that begins with U+FEFF is read back with it (a default decoder drops it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** Decodes bytes[from, to); short ASCII runs skip TextDecoder, whose call costs more than the work. */
export function decodeUtf8(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let s = '';
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      if (c >= 0x80) return decoder.decode(bytes.subarray(from, to));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** Bytes of s in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether s is all ASCII (its UTF-8 bytes are its code units). */
export const isAscii = (s: string): boolean => !NON_ASCII.test(s);

/**
 * Code point order, which is UTF-8 byte order: UTF-16 code units put U+E000..U+FFFF after surrogates,
 * so they are remapped before comparing.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** Most code units joined into one string by StringColumn.from. */
const RUN = 1 << 20;

export class StringColumn {
  constructor(
    readonly bytes: Uint8Array,
    /** String i is bytes[off[i], off[i + 1]). */
    readonly off: Uint32Array,
  ) {}

  static from(strings: readonly string[]): StringColumn {
    const off = new Uint32Array(strings.length + 1);
    let size = 0;
    for (let i = 0; i < strings.length; i++) {
      size += utf8Length(strings[i]!);
      off[i + 1] = size;
    }
    // One buffer of the exact size, encoded straight into: a buffer grown by doubling (and copied to its
    // length at the end) allocates several times the column, and every large allocation on a heap
    // holding the articles sets off a full garbage collection (V8's external memory pressure).
    const bytes = new Uint8Array(size);
    for (let i = 0; i < strings.length; ) {
      // A run of ASCII strings (as many bytes as code units) is encoded as one joined string: a call
      // (and a view) per string cost more than encoding it, for a million short terms or paragraphs.
      let j = i;
      while (
        j < strings.length &&
        off[j + 1]! - off[i]! <= RUN &&
        off[j + 1]! - off[j]! === strings[j]!.length
      )
        j++;
      if (j > i + 1) encoder.encodeInto(strings.slice(i, j).join(''), bytes.subarray(off[i]!, off[j]!));
      else {
        j = i + 1;
        encoder.encodeInto(strings[i]!, bytes.subarray(off[i]!, off[j]!));
      }
      i = j;
    }
    return new StringColumn(bytes, off);
  }

  get length(): number {
    return this.off.length - 1;
  }

  at(i: number): string {
    return decodeUtf8(this.bytes, this.off[i]!, this.off[i + 1]!);
  }

  /** Byte length of string i. */
  size(i: number): number {
    return this.off[i + 1]! - this.off[i]!;
  }

  /** Compares string i with key (UTF-8) in byte order. */
  compare(i: number, key: Uint8Array): number {
    const b = this.bytes;
    const from = this.off[i]!;
    const len = this.off[i + 1]! - from;
    const n = Math.min(len, key.length);
    for (let k = 0; k < n; k++) {
      const d = b[from + k]! - key[k]!;
      if (d !== 0) return d;
    }
    return len - key.length;
  }

  /** First index whose string is >= key, for a column sorted in byte order. */
  lowerBound(key: Uint8Array): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of key in a sorted column, or -1. */
  find(key: string): number {
    const k = encoder.encode(key);
    const i = this.lowerBound(k);
    return i < this.length && this.compare(i, k) === 0 ? i : -1;
  }

  /** [from, to) of the strings starting with prefix, in a sorted column. */
  prefixRange(prefix: string): [number, number] {
    const p = encoder.encode(prefix);
    const upper = new Uint8Array(p.length + 1);
    upper.set(p);
    upper[p.length] = 0xff; // no UTF-8 byte is 0xff: after every string with this prefix
    return [this.lowerBound(p), this.lowerBound(upper)];
  }

  /** Every string, decoded (for small columns such as facet values). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** Compares string i of a column with string j of `other` (the same column by default) in code point (byte) order. */
export function compareStored(c: StringColumn, i: number, j: number, other: StringColumn = c): number {
  const startI = c.off[i]!;
  const startJ = other.off[j]!;
  const lengthI = c.off[i + 1]! - startI;
  const lengthJ = other.off[j + 1]! - startJ;
  const n = Math.min(lengthI, lengthJ);
  for (let k = 0; k < n; k++) {
    const d = c.bytes[startI + k]! - other.bytes[startJ + k]!;
    if (d !== 0) return d;
  }
  return lengthI - lengthJ;
}
