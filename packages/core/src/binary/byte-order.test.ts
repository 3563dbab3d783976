import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test-support/seeded-random';
import { byteOrder } from './byte-order';

/** Byte strings laid out as a column: bytes one after another, string i at [off[i], off[i + 1]). */
function column(strings: Uint8Array[]): { bytes: Uint8Array; off: Uint32Array } {
  const off = new Uint32Array(strings.length + 1);
  strings.forEach((s, i) => {
    off[i + 1] = off[i]! + s.length;
  });
  const bytes = new Uint8Array(off[strings.length]!);
  strings.forEach((s, i) => {
    bytes.set(s, off[i]!);
  });
  return { bytes, off };
}

/** The oracle: byte by byte, a prefix first. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

describe('byteOrder', () => {
  it('orders byte strings as comparing them byte by byte does: prefixes, repeats, empty and long shared prefixes', () => {
    const random = seededRandom(5);
    const alphabet = [0x00, 0x41, 0x61, 0x62, 0x7f, 0x80, 0xc3, 0xe6, 0xff];
    const shared = new Uint8Array(300).fill(0x61);
    for (const count of [0, 1, 2, 11, 13, 500, 4000]) {
      const strings = Array.from({ length: count }, () => {
        const tail = Uint8Array.from(
          { length: Math.floor(random() * 6) },
          () => alphabet[Math.floor(random() * alphabet.length)]!,
        );
        // Some strings share a prefix hundreds of bytes long (keyword terms share their key).
        if (random() < 0.3)
          return Uint8Array.from([...shared.subarray(0, Math.floor(random() * 300)), ...tail]);
        return tail;
      });
      const { bytes, off } = column(strings);
      const order = Array.from(byteOrder(bytes, off, count));
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      for (let r = 1; r < order.length; r++)
        expect(
          compareBytes(strings[order[r - 1]!]!, strings[order[r]!]!),
          `${count}: rank ${r}`,
        ).toBeLessThanOrEqual(0);
    }
  });

  it('sorts strings already in order, and in reverse order, alike', () => {
    const strings = Array.from({ length: 3000 }, (_, i) =>
      new TextEncoder().encode(`t${String(i).padStart(5, '0')}`),
    );
    for (const input of [strings, [...strings].reverse()]) {
      const { bytes, off } = column(input);
      const order = byteOrder(bytes, off, input.length);
      const out = Array.from(order, (i) => new TextDecoder().decode(input[i]));
      expect(out).toEqual(strings.map((s) => new TextDecoder().decode(s)));
    }
  });
});
