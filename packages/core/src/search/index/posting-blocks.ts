import type { ByteWriter } from '../../binary/varint';

/**
 * The packed blocks of a posting list: BLOCK document gaps each, stored as a head (a byte: the bit
 * width of the block's widest gap, and in the list's first block, bits 6-7, how its impacts are stored;
 * then a varint: the block's span, its last document less the previous block's last) and the gaps
 * bit-packed at that width, low bits first. The span is the skip data: a walk that seeks a document
 * passes over every block ending before it by its head alone, without unpacking its gaps.
 */

/** Gaps bit-packed a block at a time (the rest of a list, and short lists, as varints). */
export const BLOCK = 32;
/** Bit widths up to this are unpacked with 32-bit integer operations (wider gaps, past 16M documents, with floats). */
const INT_WIDTH = 24;
/** The width's bits in a head's first byte; above them, in a list's first block, its impacts' kind. */
const WIDTH_BITS = 0x3f;
const KIND_SHIFT = 6;

/** How a list's impacts follow its documents: none (all KEYWORD_IMPACT), one byte for all, one per document. */
export const IMPACTS_NONE = 0;
export const IMPACTS_ONE = 1;
export const IMPACTS_EACH = 2;

/** Writes BLOCK gaps (ending `span` past the previous block's last document) with its head. */
export function packBlock(w: ByteWriter, gaps: Uint32Array, span: number, kind: number): void {
  let widest = 0;
  for (let j = 0; j < BLOCK; j++) widest |= gaps[j]!;
  const width = 32 - Math.clz32(widest);
  w.byte(width | (kind << KIND_SHIFT));
  w.varint(span);
  let acc = 0; // pending bits, below 2 ** (bits): at most 32 + 7, exact in a float
  let bits = 0;
  for (let j = 0; j < BLOCK; j++) {
    acc += gaps[j]! * 2 ** bits;
    bits += width;
    while (bits >= 8) {
      w.byte(acc % 256);
      acc = Math.floor(acc / 256);
      bits -= 8;
    }
  }
  if (bits > 0) w.byte(acc);
}

/** The impacts' kind a list's first head holds. */
export const impactsKind = (bytes: Uint8Array, from: number): number => bytes[from]! >>> KIND_SHIFT;

/** The last head readHead read: its width, and where its bits start. */
export let headWidth = 0;
export let headBits = 0;

/**
 * Reads the head of the block at bytes[p]: its span, or -1 on damage (a width past 32, a span varint
 * past 5 bytes, the block running past `end`); its width and where its bits start are left in
 * headWidth and headBits (the next block starts at headBits + 4 * headWidth). `first`: the list's first
 * block, whose byte also holds the impacts' kind. Nothing made: a seek reads a head per block it passes.
 */
export function readHead(bytes: Uint8Array, p: number, end: number, first: boolean): number {
  if (p >= end) return -1;
  const width = first ? bytes[p]! & WIDTH_BITS : bytes[p]!;
  const span = varintAt(bytes, p + 1, end);
  if (span < 0 || width > 32 || varintEnd + ((BLOCK * width) >> 3) > end) return -1;
  headWidth = width;
  headBits = varintEnd;
  return span;
}

/** Where the last varintAt's varint ended. */
let varintEnd = 0;

/** The varint at bytes[p] (before `end`), its end left in varintEnd; -1 when it runs past 5 bytes or the end. */
function varintAt(bytes: Uint8Array, p: number, end: number): number {
  if (p >= end) return -1;
  let c = bytes[p++]!;
  let v = c & 0x7f;
  let shift = 7;
  while (c & 0x80) {
    if (p >= end || shift > 28) return -1;
    c = bytes[p++]!;
    v += (c & 0x7f) * 2 ** shift;
    shift += 7;
  }
  varintEnd = p;
  return v;
}

/**
 * Decodes out.length - at varint gaps from bytes[p, end) into documents after `prev`; the position
 * after them, or -1 on damage (the bytes end first, a varint runs past 5 bytes).
 */
export function decodeVarints(
  bytes: Uint8Array,
  p: number,
  end: number,
  out: Uint32Array,
  at: number,
  prev: number,
): number {
  for (let i = at; i < out.length; i++) {
    const v = varintAt(bytes, p, end);
    if (v < 0) return -1;
    p = varintEnd;
    prev += v;
    out[i] = prev;
  }
  return p;
}

/**
 * Unpacks a block's gaps (bits at bytes[p], `width` wide) into out[at, at + BLOCK) as documents after
 * `prev`; the block's last document. Up to INT_WIDTH bits (every index below 16M documents), each gap
 * is read from the 4 bytes holding it, as one little-endian word (the block's last gap may read bytes
 * past the block, masked off; near the buffer's end, byte by byte); wider ones in floats.
 */
export function unpackBlock(
  bytes: Uint8Array,
  view: DataView,
  p: number,
  width: number,
  out: Uint32Array,
  at: number,
  prev: number,
): number {
  if (width > INT_WIDTH) return unpackFloats(bytes, p, width, out, at, prev);
  const mask = (1 << width) - 1;
  const last = bytes.length - 4;
  let bit = 0;
  for (let j = 0; j < BLOCK; j++, bit += width) {
    const b = p + (bit >> 3);
    const word = b <= last ? view.getUint32(b, true) : tailWord(bytes, b);
    prev += (word >>> (bit & 7)) & mask;
    out[at + j] = prev;
  }
  return prev;
}

/** The 4 bytes from b as a word, those past the buffer as zeros. */
function tailWord(bytes: Uint8Array, b: number): number {
  let word = 0;
  for (let k = 3; k >= 0; k--) word = (word << 8) | (b + k < bytes.length ? bytes[b + k]! : 0);
  return word;
}

/** A block of wider gaps, in floats (exact below 2 ** 53). */
function unpackFloats(
  bytes: Uint8Array,
  p: number,
  width: number,
  out: Uint32Array,
  at: number,
  prev: number,
) {
  const unit = 2 ** width;
  let acc = 0;
  let bits = 0;
  for (let j = 0; j < BLOCK; j++) {
    while (bits < width) {
      acc += bytes[p++]! * 2 ** bits;
      bits += 8;
    }
    prev += acc % unit;
    out[at + j] = prev;
    acc = Math.floor(acc / unit);
    bits -= width;
  }
  return prev;
}
