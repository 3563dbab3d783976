import { describe, expect, it } from 'vitest';
import { packedAt } from '../search/index/position-block';
import { BitWriter } from './bit-writer';
import { ByteWriter } from './varint';

/** A seeded stream of 32-bit numbers (a linear congruential generator). */
function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s;
  };
}

/** Each value's low `width` bits, from a reference that writes one bit at a time. */
function bitByBit(values: number[], widths: number[]): number[] {
  const out: number[] = [];
  let bit = 0;
  for (let i = 0; i < values.length; i++)
    for (let b = 0; b < widths[i]!; b++, bit++) {
      if ((bit & 7) === 0) out.push(0);
      if (Math.floor(values[i]! / 2 ** b) % 2) out[out.length - 1]! |= 1 << (bit & 7);
    }
  return out;
}

describe('BitWriter', () => {
  it('packs values of every width from 0 to 32 as one run, as a bit-by-bit writer does', () => {
    const next = numbers(7);
    const widths: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const width = next() % 33;
      widths.push(width);
      // The widest values too: all ones, and 2 ** 31 and above at 32 bits.
      const v = i % 5 === 0 ? 2 ** width - 1 : width === 0 ? 0 : next() % 2 ** width;
      values.push(v);
    }
    const w = new ByteWriter(16);
    const bits = new BitWriter(w);
    values.forEach((v, i) => {
      bits.put(v, widths[i]!);
    });
    bits.flush();
    const bytes = w.done();
    expect(Array.from(bytes)).toEqual(bitByBit(values, widths));
  });

  it('pads each run to a whole byte, and a run read back at its width gives every value', () => {
    const next = numbers(11);
    for (const width of [1, 3, 7, 8, 13, 24, 25, 31, 32]) {
      const values = Array.from({ length: 37 }, () => next() % 2 ** width);
      const w = new ByteWriter(16);
      w.byte(0xaa);
      const bits = new BitWriter(w);
      for (const v of values) bits.put(v, width);
      bits.flush();
      const bytes = w.done();
      expect(bytes.length).toBe(1 + Math.ceil((37 * width) / 8));
      expect(values.map((_, i) => packedAt(bytes, 1, i, width))).toEqual(values);
    }
  });
});
