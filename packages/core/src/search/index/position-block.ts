import { GrowableArray } from '../../binary/growable-array';
import { ByteReader } from '../../binary/varint';

/**
 * One decoded block of a term's positional record: its text ids, and each text's positions once a
 * read asks for them. Blocks are shared by every cursor over the term (a bounded cache in PositionLists
 * keeps them), so a query's proximity check and snippets, and the next query on the same word, do not
 * decode the same block again, and a cursor allocates nothing of its own.
 */
export interface PositionBlock {
  texts: Uint32Array;
  /** Where the block's positions start in the bytes (after its text ids). */
  posFrom: number;
  /** Where the block ends in the bytes. */
  end: number;
  /** Positions of texts[i] are pos[posOff[i], posOff[i+1]); null until asked for. */
  posOff: Uint32Array | null;
  pos: Uint32Array | null;
}

/**
 * Decodes k text gaps from bytes[from, end) continuing from `prev` into out[at..]; the position after
 * them. Throws a RangeError on a truncated varint (the caller reports the term's record as damaged).
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
  const r = new ByteReader(bytes, from, end);
  for (let i = 0; i < k; i++) out[at + i] = prev += r.varint();
  return r.p;
}

// Scratch the positions of a block are decoded into before they are copied out at their exact size.
const scratch = new GrowableArray(Uint32Array, 1024);

/**
 * Decodes the positions of a block's texts (per text its count, then position gaps) into the block;
 * false when the bytes do not end where the block does (damage).
 */
export function decodePositions(bytes: Uint8Array, block: PositionBlock): boolean {
  const r = new ByteReader(bytes, block.posFrom, block.end);
  const k = block.texts.length;
  const posOff = new Uint32Array(k + 1);
  scratch.length = 0;
  for (let i = 0; i < k; i++) {
    const len = r.varint();
    if (len > r.end - r.p) return false;
    scratch.reserve(len);
    const out = scratch.array;
    let n = scratch.length;
    let q = 0;
    for (let j = 0; j < len; j++) out[n++] = q += r.varint();
    scratch.length = n;
    posOff[i + 1] = n;
  }
  if (r.p !== r.end) return false;
  block.posOff = posOff;
  block.pos = scratch.array.slice(0, scratch.length);
  return true;
}

/** What a cached block weighs: the numbers it holds decoded. */
export const blockWeight = (b: PositionBlock): number =>
  b.texts.length + (b.pos === null ? 0 : b.pos.length + b.texts.length + 1);
