// Unsigned LEB128 varints, for compact snapshots of sorted id lists.

export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  let out = new Uint8Array(Math.max(16, values.length * 2));
  let o = 0;
  for (let i = 0; i < values.length; i++) {
    if (o + 5 > out.length) {
      const b = new Uint8Array(out.length * 2);
      b.set(out);
      out = b;
    }
    let v = values[i]! >>> 0;
    while (v >= 0x80) {
      out[o++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[o++] = v;
  }
  return out.slice(0, o);
}

/** Decodes exactly `count` varints; throws a RangeError on truncated input. */
export function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (p >= bytes.length) throw new RangeError('truncated varint data');
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    out[i] = v >>> 0;
  }
  return out;
}
