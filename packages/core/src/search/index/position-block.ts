import { BitWriter } from '../../binary/bit-writer';
import type { ByteWriter } from '../../binary/varint';

/**
 * One block of a term's positional record, its text ids decoded. A block's bytes are its text ids (a
 * byte: the bit width of its gaps; its first text as a varint gap from the previous block's last; the
 * other gaps bit-packed at that width), then a varint `countWidth * 33 + width`, then per text its
 * position count less one (bit-packed at countWidth bits: no bytes when the term occurs once in each
 * text, most blocks), then every text's positions in turn, each a word position in its text (not a gap)
 * bit-packed at `width` bits. So a phrase check reads the few positions of the texts it asks about where
 * they lie, and decodes nothing else: position i of the block is bits [i * width, (i + 1) * width) from
 * `posByte`. Everything bit-packed is written low bits first, each run padded to a whole byte.
 *
 * Blocks are shared by every cursor over the term (a bounded cache in PositionLists keeps them), so
 * the next queries on the same word do not decode the same block again. A block missed for the first
 * times is read in place instead (TextsInPlace, positionsStart): a page asks most of its blocks about a
 * document's one or two texts, where decoding the whole block cost more, and no later query asks again.
 */
export interface PositionBlock {
  /** The text ids; empty in a block a cursor reads in place (not decoded, not kept). */
  texts: Uint32Array;
  /** How many texts the block holds. */
  count: number;
  /** Where the block ends in the bytes. */
  end: number;
  /** Bits per count (less one); 0 when every text holds the term once. */
  countWidth: number;
  /** Where the counts start in the bytes. */
  countByte: number;
  /** Bits per position. */
  width: number;
  /** Where the positions start in the bytes. */
  posByte: number;
  /**
   * Positions of texts[i] are the block's positions posOff[i] to posOff[i+1]; null until asked for, and
   * always when countWidth is 0 (text i's one position is position i).
   */
  posOff: Uint32Array | null;
}

/** The widest bit width a count or a position may have. */
const MAX_WIDTH = 32;
/** The head varint packs the two widths as countWidth * WIDTHS + width. */
const WIDTHS = MAX_WIDTH + 1;

const bitWidth = (v: number) => 32 - Math.clz32(v);
const packedBytes = (count: number, width: number) => Math.ceil((count * width) / 8);
const varintSize = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

/**
 * Decodes the k text ids of the block at bytes[from, end), continuing from `prev` (the previous block's
 * last text), into out[at..]; where its counts and positions start. Throws a RangeError when the bytes
 * end first or a width passes 32 (the caller reports the term's record as damaged).
 */
export function decodeTexts(
  bytes: Uint8Array,
  from: number,
  end: number,
  k: number,
  prev: number,
  out: Uint32Array,
  at: number,
): number {
  const { first, gaps, width, head } = textsInPlace(bytes, from, end, k, prev);
  out[at] = first;
  unpackSums(bytes, gaps, k - 1, width, 0, out, at + 1, first);
  return head;
}

/**
 * A block's text ids read in place, one at a time (what a cursor asking a block about a document's few
 * texts needs, where decoding all of them into a new array cost more): its first text, and where its
 * gaps lie.
 */
export interface TextsInPlace {
  first: number;
  /** The gaps: bit-packed at `width` from byte `gaps`; the counts start at `head`. */
  gaps: number;
  width: number;
  head: number;
}

/**
 * The texts of the block at bytes[from, end) of k texts, after `prev`, read in place (TextsInPlace).
 * Throws a RangeError when the bytes end first or a width passes 32.
 */
export function textsInPlace(
  bytes: Uint8Array,
  from: number,
  end: number,
  k: number,
  prev: number,
): TextsInPlace {
  if (from >= end) throw new RangeError('truncated text ids');
  const width = bytes[from]!;
  const first = prev + varintAt(bytes, from + 1, end);
  const gaps = varintEnd;
  const head = gaps + packedBytes(k - 1, width);
  if (width > MAX_WIDTH || head > end) throw new RangeError('truncated text ids');
  return { first, gaps, width, head };
}

/** Where the last varintAt's varint ended. */
let varintEnd = 0;

/**
 * The varint at bytes[p] (before `end`), its end left in varintEnd: read without a reader object, as a
 * block is decoded at every step of a proximity or snippet walk. Throws a RangeError when the bytes end
 * first.
 */
function varintAt(bytes: Uint8Array, p: number, end: number): number {
  let v = 0;
  let shift = 0;
  let c: number;
  do {
    if (p >= end) throw new RangeError('truncated varint data');
    c = bytes[p++]!;
    v |= (c & 0x7f) << shift;
    shift += 7;
  } while (c & 0x80 && shift < 35);
  varintEnd = p;
  return v >>> 0;
}

/**
 * Unpacks n values bit-packed at `width` from bytes[from] into running sums: out[at + i] = sum + value
 * + add, summed on. Up to 24 bits, each value is read from the 4 bytes holding it as one word, without a
 * loop per byte (the last ones may read up to 3 bytes past the run, masked off; near the buffer's end,
 * byte by byte).
 */
function unpackSums(
  bytes: Uint8Array,
  from: number,
  n: number,
  width: number,
  add: number,
  out: Uint32Array,
  at: number,
  sum: number,
): void {
  if (width > 24) {
    // Wider than a 32-bit accumulator holds with a byte to spare: read one by one.
    for (let i = 0; i < n; i++) out[at + i] = sum += packedAt(bytes, from, i, width) + add;
    return;
  }
  const mask = (1 << width) - 1;
  const last = bytes.length - 4;
  let bit = 0;
  for (let i = 0; i < n; i++, bit += width) {
    const o = from + (bit >>> 3);
    const word =
      o <= last
        ? bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)
        : tailWord(bytes, o);
    out[at + i] = sum += ((word >>> (bit & 7)) & mask) + add;
  }
}

/** The bytes from o (at most 4) as a little-endian word, those past the buffer as zeros. */
function tailWord(bytes: Uint8Array, o: number): number {
  let word = 0;
  for (let k = Math.min(3, bytes.length - 1 - o); k >= 0; k--) word = (word << 8) | bytes[o + k]!;
  return word;
}

/**
 * The block of `texts` whose counts and positions start at bytes[p] and end at `end`: their widths read
 * and their extent checked; null when they cannot fit (damage). Throws a RangeError on a truncated varint.
 */
export function readBlockHead(
  bytes: Uint8Array,
  p: number,
  end: number,
  texts: Uint32Array,
  k = texts.length,
): PositionBlock | null {
  const head = varintAt(bytes, p, end);
  const countByte = varintEnd;
  const countWidth = Math.floor(head / WIDTHS);
  const width = head % WIDTHS;
  if (countWidth > MAX_WIDTH) return null;
  const posByte = countByte + packedBytes(k, countWidth);
  // With counts, the positions' extent is known once the counts are read (decodeCounts checks it).
  const fits = countWidth === 0 ? posByte + packedBytes(k, width) === end : posByte <= end;
  if (!fits) return null;
  return { texts, count: k, end, countWidth, countByte, width, posByte, posOff: null };
}

/**
 * Reads value i of those bit-packed at `width` bits from bytes[from] (low bits first). Only the bytes
 * holding it are read, so the last value of a block reads nothing past the block.
 */
export function packedAt(bytes: Uint8Array, from: number, i: number, width: number): number {
  if (width === 0) return 0;
  const bit = i * width;
  let o = from + (bit >>> 3);
  const shift = bit & 7;
  let v = bytes[o]! >>> shift;
  for (let got = 8 - shift; got < width; got += 8) v |= bytes[++o]! << got;
  return width === 32 ? v >>> 0 : v & ((1 << width) - 1);
}

/**
 * The value of `mask`'s width (at most 24 bits) at bit `bit` of the run from byte `from`, read from the
 * 4 bytes holding it as one word: bits past it are masked off (a byte past the buffer reads 0). The
 * in-place walks of a block's gaps and counts read each value so, where packedAt loops per byte.
 */
export function packedNarrow(bytes: Uint8Array, from: number, bit: number, mask: number): number {
  const o = from + (bit >>> 3);
  const word = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24);
  return (word >>> (bit & 7)) & mask;
}

/**
 * Where text `i`'s positions start among its block's (i plus the sum of the counts less one before it),
 * read in place without decoding the counts into an array; -1 when they would pass the block's end
 * (damage). What a page's proximity check needs of most blocks: one or two texts' positions.
 */
export function positionsStart(bytes: Uint8Array, block: PositionBlock, i: number): number {
  const { countByte, countWidth } = block;
  let sum = i;
  if (countWidth > 24) for (let j = 0; j < i; j++) sum += packedAt(bytes, countByte, j, countWidth);
  else {
    const mask = (1 << countWidth) - 1;
    for (let j = 0, bit = 0; j < i; j++, bit += countWidth) sum += packedNarrow(bytes, countByte, bit, mask);
  }
  return block.posByte + packedBytes(sum, block.width) <= block.end ? sum : -1;
}

/**
 * Where each text's positions start among the block's (prefix sums of its counts), kept in the block;
 * false when the positions then do not end where the block does (damage).
 */
export function decodeCounts(bytes: Uint8Array, block: PositionBlock): boolean {
  const k = block.count;
  const posOff = new Uint32Array(k + 1);
  unpackSums(bytes, block.countByte, k, block.countWidth, 1, posOff, 1, 0);
  if (block.posByte + packedBytes(posOff[k]!, block.width) !== block.end) return false;
  block.posOff = posOff;
  return true;
}

/**
 * One block of a term's record, as PositionBlock describes it: texts pairText[s, e) (gaps from `prev`),
 * their position counts pairLen[s, e), their positions pos[p..] (ascending within each text).
 */
export interface BlockInput {
  pairText: Uint32Array;
  pairLen: Uint32Array;
  pos: Uint32Array;
}

/** The widths of block [s, e) whose positions start at pos[p], and how many positions it holds. */
function blockWidths(input: BlockInput, s: number, e: number, p: number) {
  const { pairText, pairLen, pos } = input;
  let gaps = 0;
  for (let j = s + 1; j < e; j++) gaps |= pairText[j]! - pairText[j - 1]!;
  let counts = 0;
  let total = 0;
  for (let j = s; j < e; j++) {
    counts |= pairLen[j]! - 1;
    total += pairLen[j]!;
  }
  let widest = 0;
  for (let q = p; q < p + total; q++) widest |= pos[q]!;
  return { textWidth: bitWidth(gaps), countWidth: bitWidth(counts), width: bitWidth(widest), total };
}

/** The bytes block [s, e) takes, its positions from pos[p], its first text a gap from `prev`. */
export function blockSize(input: BlockInput, s: number, e: number, p: number, prev: number): number {
  const { textWidth, countWidth, width, total } = blockWidths(input, s, e, p);
  const k = e - s;
  const texts = 1 + varintSize(input.pairText[s]! - prev) + packedBytes(k - 1, textWidth);
  return (
    texts + varintSize(countWidth * WIDTHS + width) + packedBytes(k, countWidth) + packedBytes(total, width)
  );
}

/** Writes block [s, e) (its positions from pos[p], its first text a gap from `prev`); the next p. */
export function writeBlock(
  w: ByteWriter,
  input: BlockInput,
  s: number,
  e: number,
  p: number,
  prev: number,
): number {
  const { pairText, pairLen, pos } = input;
  const { textWidth, countWidth, width, total } = blockWidths(input, s, e, p);
  w.byte(textWidth);
  w.varint(pairText[s]! - prev);
  const bits = new BitWriter(w);
  for (let j = s + 1; j < e; j++) bits.put(pairText[j]! - pairText[j - 1]!, textWidth);
  bits.flush();
  w.varint(countWidth * WIDTHS + width);
  for (let j = s; j < e; j++) bits.put(pairLen[j]! - 1, countWidth);
  bits.flush();
  for (let q = p; q < p + total; q++) bits.put(pos[q]!, width);
  bits.flush();
  return p + total;
}
