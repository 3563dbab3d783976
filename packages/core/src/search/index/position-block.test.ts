import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../binary/varint';
import { seededRandom } from '../../../test-support/seeded-random';
import {
  type BlockInput,
  blockSize,
  decodeCounts,
  decodeTexts,
  type PositionBlock,
  packedAt,
  packedNarrow,
  positionsStart,
  readBlockHead,
  writeBlock,
} from './position-block';

/**
 * A block of k texts after text `prev`, their gaps below 2 ** gapBits: counts mostly 1, positions ascending
 * and below 2 ** widest.
 */
function randomBlock(
  r: () => number,
  k: number,
  prev: number,
  widest: number,
  manyPerText: boolean,
  gapBits = 10,
): BlockInput {
  const pairText = new Uint32Array(k);
  const pairLen = new Uint32Array(k);
  const pos: number[] = [];
  const top = 2 ** widest;
  let x = prev;
  for (let j = 0; j < k; j++) {
    pairText[j] = x += 1 + Math.floor(r() * (2 ** gapBits - 1));
    const count = manyPerText && r() < 0.3 ? 2 + Math.floor(r() * 40) : 1;
    const here = new Set<number>();
    while (here.size < Math.min(count, top)) here.add(Math.floor(r() * top));
    pairLen[j] = here.size;
    pos.push(...[...here].sort((a, b) => a - b));
  }
  return { pairText, pairLen, pos: Uint32Array.from(pos) };
}

/** The block's bytes as the record holds them, read back: its texts and each text's positions. */
function readBack(bytes: Uint8Array, k: number, prev: number): { texts: number[]; positions: number[][] } {
  const texts = new Uint32Array(k);
  const head = decodeTexts(bytes, 0, bytes.length, k, prev, texts, 0);
  const block = readBlockHead(bytes, head, bytes.length, texts) as PositionBlock;
  expect(block).not.toBeNull();
  if (block.countWidth > 0) expect(decodeCounts(bytes, block)).toBe(true);
  const positions = [...texts].map((_, i) => {
    const from = block.posOff ? block.posOff[i]! : i;
    const to = block.posOff ? block.posOff[i + 1]! : i + 1;
    return Array.from({ length: to - from }, (_, q) => packedAt(bytes, block.posByte, from + q, block.width));
  });
  return { texts: [...texts], positions };
}

const damaged = (bytes: Uint8Array, k: number, prev: number): boolean => {
  const texts = new Uint32Array(k);
  try {
    const head = decodeTexts(bytes, 0, bytes.length, k, prev, texts, 0);
    const block = readBlockHead(bytes, head, bytes.length, texts);
    return block === null || (block.countWidth > 0 && !decodeCounts(bytes, block));
  } catch (error) {
    return error instanceof RangeError;
  }
};

describe('a positional block', () => {
  it('reads back every text and position it was written with, at every width up to 32 bits', () => {
    const r = seededRandom(15);
    for (let widest = 0; widest <= 32; widest++)
      for (const manyPerText of [false, true]) {
        // Text gaps from 1 bit to 25 (past the 24 read through a 32-bit accumulator), within 32-bit ids.
        const k = 1 + Math.floor(r() * 100);
        const prev = Math.floor(r() * 5000);
        const input = randomBlock(r, k, prev, widest, manyPerText, 1 + (widest % 25));
        const w = new ByteWriter();
        const next = writeBlock(w, input, 0, k, 0, prev);
        const bytes = w.done();
        expect(next).toBe(input.pos.length);
        expect(bytes.length).toBe(blockSize(input, 0, k, 0, prev));
        const { texts, positions } = readBack(bytes, k, prev);
        expect(texts).toEqual([...input.pairText]);
        const starts = [0];
        for (const len of input.pairLen) starts.push(starts.at(-1)! + len);
        const expected = starts.slice(1).map((end, j) => [...input.pos.subarray(starts[j], end)]);
        expect(positions, `widest ${widest}`).toEqual(expected);
      }
  });

  it('reads the same amid other bytes: the word reads past a packed run are masked off', () => {
    const r = seededRandom(17);
    for (let gapBits = 1; gapBits <= 24; gapBits++) {
      const k = 1 + Math.floor(r() * 128);
      const input = randomBlock(r, k, 0, 12, gapBits % 2 === 0, gapBits);
      const w = new ByteWriter();
      writeBlock(w, input, 0, k, 0, 0);
      const bytes = w.done();
      // The block between bytes of all ones, as a record's blocks lie in the section.
      const amid = new Uint8Array(bytes.length + 8).fill(0xff);
      amid.set(bytes, 4);
      const texts = new Uint32Array(k);
      const head = decodeTexts(amid, 4, 4 + bytes.length, k, 0, texts, 0);
      expect([...texts], `gaps of ${gapBits} bits`).toEqual([...input.pairText]);
      const block = readBlockHead(amid, head, 4 + bytes.length, texts) as PositionBlock;
      expect(block).not.toBeNull();
      if (block.countWidth > 0) expect(decodeCounts(amid, block)).toBe(true);
    }
  });

  it("gives a text's first position summed in place as its decoded counts give it, and -1 past the block", () => {
    const r = seededRandom(18);
    let summed = 0;
    for (let widest = 1; widest <= 20; widest++) {
      const k = 1 + Math.floor(r() * 128);
      const input = randomBlock(r, k, 0, widest, true);
      const w = new ByteWriter();
      writeBlock(w, input, 0, k, 0, 0);
      const bytes = w.done();
      const texts = new Uint32Array(k);
      const head = decodeTexts(bytes, 0, bytes.length, k, 0, texts, 0);
      const block = readBlockHead(bytes, head, bytes.length, texts) as PositionBlock;
      if (block.countWidth === 0) continue;
      const inPlace = Array.from({ length: k + 1 }, (_, i) => positionsStart(bytes, block, i));
      expect(decodeCounts(bytes, block)).toBe(true);
      expect(inPlace, `widest ${widest}`).toEqual([...block.posOff!]);
      summed++;
      // The block read as ending a byte early (damage): the last text's end no longer fits.
      const cut = { ...block, end: block.end - 1 };
      if (block.width > 0) expect(positionsStart(bytes, cut, k)).toBe(-1);
    }
    expect(summed).toBeGreaterThan(10);
  });

  it('is found damaged when its bytes are cut short or run on', () => {
    const r = seededRandom(16);
    for (const manyPerText of [false, true]) {
      const k = 100;
      const input = randomBlock(r, k, 0, 9, manyPerText);
      const w = new ByteWriter();
      writeBlock(w, input, 0, k, 0, 0);
      const bytes = w.done();
      expect(damaged(bytes, k, 0)).toBe(false);
      expect(damaged(bytes.subarray(0, bytes.length - 1), k, 0)).toBe(true);
      const longer = new Uint8Array(bytes.length + 1);
      longer.set(bytes);
      expect(damaged(longer, k, 0)).toBe(true);
    }
  });
});

describe('packedNarrow', () => {
  it('reads every value of widths up to 24 as packedAt does, the last ones at the buffer end', () => {
    const random = seededRandom(7);
    for (let width = 1; width <= 24; width++) {
      const count = 37;
      const bytes = new Uint8Array(Math.ceil((count * width) / 8));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const mask = (1 << width) - 1;
      for (let i = 0; i < count; i++)
        expect(packedNarrow(bytes, 0, i * width, mask)).toBe(packedAt(bytes, 0, i, width));
    }
  });
});
