import type { ByteWriter } from '../../binary/varint';
import { ByteReader } from '../../binary/varint';

/**
 * One block of a term's positional record, its text ids decoded. A block's bytes are its text ids (gaps,
 * varints), then a varint `countWidth * 33 + width`, then per text its position count less one (bit-packed
 * at countWidth bits: no bytes when the term occurs once in each text, most blocks), then every text's
 * positions in turn, each a word position in its text (not a gap) bit-packed at `width` bits. So a
 * phrase check reads the few positions of the texts it asks about where they lie, and decodes nothing
 * else: position i of the block is bits [i * width, (i + 1) * width) from `posByte`.
 *
 * Blocks are shared by every cursor over the term (a bounded cache in PositionLists keeps them), so a
 * query's proximity check and snippets, and the next query on the same word, do not decode the same
 * block again, and a cursor allocates nothing of its own.
 */
export interface PositionBlock {
  texts: Uint32Array;
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
 * Decodes k text gaps (varints) from bytes[from, end) continuing from `prev` into out[at..]; the position
 * after them. Inlined, not a reader call per gap: a phrase walk decodes the blocks of a common word's
 * list. Throws a RangeError when the bytes end first or a varint runs past 5 bytes (the caller reports
 * the term's record as damaged).
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
  let p = from;
  for (let i = 0; i < k; i++) {
    if (p >= end) throw new RangeError('truncated text ids');
    let c = bytes[p++]!;
    let v = c & 0x7f;
    for (let shift = 7; c & 0x80; shift += 7) {
      if (p >= end || shift > 28) throw new RangeError('truncated text ids');
      c = bytes[p++]!;
      v += (c & 0x7f) * 2 ** shift;
    }
    out[at + i] = prev += v;
  }
  return p;
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
): PositionBlock | null {
  const r = new ByteReader(bytes, p, end);
  const head = r.varint();
  const countWidth = Math.floor(head / WIDTHS);
  const width = head % WIDTHS;
  if (countWidth > MAX_WIDTH) return null;
  const k = texts.length;
  const posByte = r.p + packedBytes(k, countWidth);
  // With counts, the positions' extent is known once the counts are read (decodeCounts checks it).
  const fits = countWidth === 0 ? posByte + packedBytes(k, width) === end : posByte <= end;
  if (!fits) return null;
  return { texts, end, countWidth, countByte: r.p, width, posByte, posOff: null };
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
 * Where each text's positions start among the block's (prefix sums of its counts), kept in the block;
 * false when the positions then do not end where the block does (damage).
 */
export function decodeCounts(bytes: Uint8Array, block: PositionBlock): boolean {
  const k = block.texts.length;
  const posOff = new Uint32Array(k + 1);
  let total = 0;
  for (let i = 0; i < k; i++)
    posOff[i + 1] = total += packedAt(bytes, block.countByte, i, block.countWidth) + 1;
  if (block.posByte + packedBytes(total, block.width) !== block.end) return false;
  block.posOff = posOff;
  return true;
}

/** What a cached block weighs: the numbers it holds decoded (and a few for its fields). */
export const blockWeight = (b: PositionBlock): number => 4 + b.texts.length + (b.posOff?.length ?? 0);

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
  let counts = 0;
  let total = 0;
  for (let j = s; j < e; j++) {
    counts |= input.pairLen[j]! - 1;
    total += input.pairLen[j]!;
  }
  let widest = 0;
  for (let q = p; q < p + total; q++) widest |= input.pos[q]!;
  return { countWidth: bitWidth(counts), width: bitWidth(widest), total };
}

/** The bytes block [s, e) takes, its positions from pos[p], its first text a gap from `prev`. */
export function blockSize(input: BlockInput, s: number, e: number, p: number, prev: number): number {
  const { countWidth, width, total } = blockWidths(input, s, e, p);
  let size =
    varintSize(countWidth * WIDTHS + width) + packedBytes(e - s, countWidth) + packedBytes(total, width);
  for (let j = s; j < e; j++)
    size += varintSize(input.pairText[j]! - (j > s ? input.pairText[j - 1]! : prev));
  return size;
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
  const { countWidth, width, total } = blockWidths(input, s, e, p);
  for (let j = s; j < e; j++) w.varint(pairText[j]! - (j > s ? pairText[j - 1]! : prev));
  w.varint(countWidth * WIDTHS + width);
  const counts = new BitWriter(w);
  for (let j = s; j < e; j++) counts.put(pairLen[j]! - 1, countWidth);
  counts.flush();
  const positions = new BitWriter(w);
  for (let q = p; q < p + total; q++) positions.put(pos[q]!, width);
  positions.flush();
  return p + total;
}

/** Values bit-packed low bits first into a ByteWriter, the last byte padded with zeros. */
class BitWriter {
  private acc = 0; // pending bits, below 2 ** bits: at most 32 + 7, exact in a float
  private bits = 0;
  constructor(private readonly w: ByteWriter) {}

  put(v: number, width: number): void {
    this.acc += v * 2 ** this.bits;
    this.bits += width;
    while (this.bits >= 8) {
      this.w.byte(this.acc % 256);
      this.acc = Math.floor(this.acc / 256);
      this.bits -= 8;
    }
  }

  flush(): void {
    if (this.bits > 0) this.w.byte(this.acc);
    this.acc = 0;
    this.bits = 0;
  }
}
