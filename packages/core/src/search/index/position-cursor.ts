import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { ByteReader } from '../../binary/varint';
import type { BlockCache } from './block-cache';
import { gallop } from './gallop';
import {
  decodeCounts,
  decodeTexts,
  packedAt,
  packedNarrow,
  type PositionBlock,
  positionsStart,
  readBlockHead,
  type TextsInPlace,
  textsInPlace,
} from './position-block';

/** Texts per block of a positional list: a lookup decodes one block, not the whole list. */
export const POSITION_BLOCK = 128;

/** What nextAtLeast returns past a term's last text: no text id is this high. */
export const NO_TEXT = 0xffffffff;

/**
 * A block is decoded and kept in the cache from its third miss on; before, a cursor reads its text ids in
 * place (walking its gaps from the first up to the text sought), and nothing is kept. Most blocks a page
 * reads (a document's few texts in a common word's list) are asked by its texts' walk and its proximity
 * check, then by no later query: decoding all their texts into an array cost more than the walk.
 */
const KEEP_FROM = 3;

/** A block read in place has no text ids of its own. */
const NO_TEXTS = new Uint32Array(0);

/**
 * Texts of one block whose positions a cursor finds by summing the counts before them in place; the
 * next one asked decodes the block's counts (kept in it). A page's proximity check asks a block about
 * one or two texts (a document's), where decoding every count of the block cost more; a phrase walk
 * asks about many.
 */
const SUMMED_TEXTS = 2;

/** A record's skip table: its text count, each block's last text and byte start (and the record's end). */
export interface SkipTable {
  count: number;
  lastText: Uint32Array;
  start: Uint32Array;
}

const damaged = (term: number) => damagedSnapshot(`positions of term ${term}`);

/** Runs a read, a truncated varint reported as damage of term's record. */
function guard<T>(term: number, read: () => T): T {
  try {
    return read();
  } catch {
    throw damaged(term);
  }
}

/** Reads the count and skip table at the start of term's record bytes[from, end). */
export function readSkipTable(
  bytes: Uint8Array,
  from: number,
  end: number,
  textCount: number,
  term: number,
): SkipTable {
  const r = new ByteReader(bytes, from, end);
  const n = guard(term, () => r.varint());
  // Texts ascend, so each takes a bit at least (its gap): a damaged count cannot make a huge table.
  if (n > 8 * (end - from)) throw damaged(term);
  const blocks = Math.ceil(n / POSITION_BLOCK);
  const lastText = new Uint32Array(blocks);
  const start = new Uint32Array(blocks + 1);
  if (blocks <= 1) {
    lastText[0] = 0xffffffff;
    start[0] = r.p;
    start[1] = end;
    return { count: n, lastText, start };
  }
  let last = 0;
  let size = 0;
  guard(term, () => {
    for (let b = 0; b < blocks; b++) {
      last += r.varint();
      lastText[b] = last;
      start[b + 1] = size += r.varint();
    }
  });
  for (let b = 0; b <= blocks; b++) start[b]! += r.p;
  if (last >= textCount || start[blocks] !== end) throw damaged(term);
  return { count: n, lastText, start };
}

/**
 * A term's positional record, read block by block: `seek(x)` finds text x by the skip table (each
 * block's last text and byte length) and decodes only that block's text ids; the found text's positions
 * are read where they lie (bit-packed, see PositionBlock), nothing else decoded. A phrase of a rare and a
 * common word, or the proximity check of a page, reads the few blocks of the common word its texts fall
 * in, not all of them.
 *
 * Record: count n; when n > POSITION_BLOCK, a skip table (per block: its last text as a gap from the
 * previous block's, its byte length); then the blocks (PositionBlock), their text gaps continuing the
 * previous block's.
 */
export class PositionCursor {
  /** Texts holding the term. */
  readonly count: number;
  private readonly lastText: Uint32Array;
  private readonly start: Uint32Array;
  private block = -1;
  private current: PositionBlock | null = null;
  private at = 0;
  /** The found text's positions [spanFrom, spanTo) when summed in place, for spanAt of spanBlock. */
  private spanBlock: PositionBlock | null = null;
  private spanAt = -1;
  private spanFrom = 0;
  private spanTo = 0;
  /** Texts of spanBlock summed so far. */
  private summed = 0;
  /** Where the current block's texts lie when it is read in place (else null), and its text at `at`. */
  private inPlace: TextsInPlace | null = null;
  private text = 0;

  constructor(
    skip: SkipTable,
    private readonly bytes: Uint8Array,
    private readonly textCount: number,
    private readonly term: number,
    /** Decoded blocks by their first byte (unique over all records), shared by the term's cursors. */
    private readonly cache: BlockCache,
  ) {
    this.count = skip.count;
    this.lastText = skip.lastText;
    this.start = skip.start;
  }

  private damaged() {
    return damaged(this.term);
  }

  /** Moves to block b: from the cache, or read in place (its first misses), or decoded and kept. */
  private load(b: number): void {
    const key = this.start[b]!;
    let block = this.cache.get(key);
    this.inPlace = null;
    if (!block) {
      if (this.cache.missed(key) < KEEP_FROM) block = this.readInPlace(b);
      else {
        block = this.read(b);
        this.cache.set(key, block);
      }
    }
    this.current = block;
    this.block = b;
  }

  /** Block b's head, its texts left in place (this.inPlace says where), standing on its first text. */
  private readInPlace(b: number): PositionBlock {
    const k = Math.min(POSITION_BLOCK, this.count - b * POSITION_BLOCK);
    const prev = b > 0 ? this.lastText[b - 1]! : 0;
    let block: PositionBlock | null;
    try {
      const place = textsInPlace(this.bytes, this.start[b]!, this.start[b + 1]!, k, prev);
      block = readBlockHead(this.bytes, place.head, this.start[b + 1]!, NO_TEXTS, k);
      this.inPlace = place;
      this.at = 0;
      this.text = place.first;
    } catch {
      block = null;
    }
    if (!block) throw this.damaged();
    return block;
  }

  /**
   * In a block read in place, moves to the first text at or after x and returns it (NO_TEXT when none
   * is): on from the text it stands on, or from the first when x lies before that.
   */
  private walkTo(x: number): number {
    const place = this.inPlace!;
    const k = this.current!.count;
    let at = this.at;
    let text = this.text;
    if (x < text) {
      at = 0;
      text = place.first;
    }
    const bytes = this.bytes;
    const width = place.width;
    if (width > 24) for (; text < x && at + 1 < k; at++) text += packedAt(bytes, place.gaps, at, width);
    else {
      const mask = (1 << width) - 1;
      for (let bit = at * width; text < x && at + 1 < k; at++, bit += width)
        text += packedNarrow(bytes, place.gaps, bit, mask);
    }
    const b = this.block;
    const wanted = this.lastText[b] === 0xffffffff ? this.textCount - 1 : this.lastText[b]!;
    if (text >= this.textCount || (at === k - 1 && text > wanted)) throw this.damaged();
    this.at = at;
    this.text = text;
    return text >= x ? text : NO_TEXT;
  }

  /** Block b decoded: its text ids, where its counts and positions lie. */
  private read(b: number): PositionBlock {
    const texts = new Uint32Array(Math.min(POSITION_BLOCK, this.count - b * POSITION_BLOCK));
    const head = this.decode(b, texts, 0);
    let block: PositionBlock | null;
    try {
      block = readBlockHead(this.bytes, head, this.start[b + 1]!, texts);
    } catch {
      block = null;
    }
    if (!block) throw this.damaged();
    return block;
  }

  /** Decodes block b's text ids into out[at..] (the first a gap from the previous block's last); where its positions start. */
  private decode(b: number, out: Uint32Array, at: number): number {
    const k = Math.min(POSITION_BLOCK, this.count - b * POSITION_BLOCK);
    const prev = b > 0 ? this.lastText[b - 1]! : 0;
    let p: number;
    try {
      p = decodeTexts(this.bytes, this.start[b]!, this.start[b + 1]!, k, prev, out, at);
    } catch {
      throw this.damaged();
    }
    const last = out[at + k - 1]!;
    const wanted = this.lastText[b] === 0xffffffff ? this.textCount - 1 : this.lastText[b]!;
    if (k > 0 && (last >= this.textCount || last > wanted)) throw this.damaged();
    return p;
  }

  /** Moves to text x; false when the term does not occur in it. */
  seek(x: number): boolean {
    return this.nextAtLeast(x) === x;
  }

  /**
   * Moves to the first text holding the term at or after x and returns it (NO_TEXT when none does): a
   * walk over sorted texts jumps to it, past every text between, instead of asking each of them.
   */
  nextAtLeast(x: number): number {
    const last = this.lastText;
    let b = this.block;
    if (b < 0 || x > last[b]! || (b > 0 && x <= last[b - 1]!)) {
      let lo = 0;
      let hi = last.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (last[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo === last.length) return NO_TEXT;
      b = lo;
    }
    const same = b === this.block;
    if (!same) this.load(b);
    if (this.inPlace !== null) return this.walkTo(x);
    const texts = this.current!.texts;
    const forward = same && this.at < texts.length && texts[this.at]! <= x;
    // Texts sought in ascending order (a phrase walk) gallop on from the last one found in the block.
    const lo = gallop(texts, forward ? this.at : 0, x);
    this.at = lo;
    return lo < texts.length ? texts[lo]! : NO_TEXT;
  }

  /**
   * The first of ids[j, end) (a document's texts) the term occurs in, or end; the cursor stands on it.
   * Texts between one asked and the term's next text lack it, so while the ids ascend (a document's own
   * texts are numbered in order) those are passed over unasked.
   */
  nextHeld(ids: Uint32Array, j: number, end: number): number {
    while (j < end) {
      const x = ids[j]!;
      const next = this.nextAtLeast(x);
      if (next === x) return j;
      for (j++; j < end && ids[j]! > ids[j - 1]! && ids[j]! < next; ) j++;
    }
    return end;
  }

  /** The ascending word positions in the text the last successful seek found. */
  positions(): Uint32Array {
    const from = this.from();
    const out = new Uint32Array(this.to() - from);
    for (let i = 0; i < out.length; i++) out[i] = this.positionAt(from + i);
    return out;
  }

  /**
   * Where the found text's positions start among its block's (read with positionAt): the block's
   * counts are decoded on first use, when the term occurs more than once in one of its texts.
   */
  from(): number {
    const block = this.current!;
    if (block.countWidth === 0) return this.at;
    if (block.posOff) return block.posOff[this.at]!;
    return this.span(block) ? this.spanFrom : block.posOff![this.at]!;
  }

  /** Where the found text's positions end among its block's. */
  to(): number {
    const block = this.current!;
    if (block.countWidth === 0) return this.at + 1;
    if (block.posOff) return block.posOff[this.at + 1]!;
    return this.span(block) ? this.spanTo : block.posOff![this.at + 1]!;
  }

  /**
   * The found text's positions summed in place (spanFrom, spanTo), true; or, past SUMMED_TEXTS texts of
   * the block, its counts decoded into posOff, false.
   */
  private span(block: PositionBlock): boolean {
    if (this.spanBlock === block && this.spanAt === this.at) return true;
    if (this.spanBlock !== block) {
      this.spanBlock = block;
      this.summed = 0;
    }
    if (this.summed++ === SUMMED_TEXTS) {
      this.counted(block);
      return false;
    }
    const from = positionsStart(this.bytes, block, this.at);
    const to = from + 1 + packedAt(this.bytes, block.countByte, this.at, block.countWidth);
    if (from < 0 || block.posByte + Math.ceil((to * block.width) / 8) > block.end) throw this.damaged();
    this.spanAt = this.at;
    this.spanFrom = from;
    this.spanTo = to;
    return true;
  }

  /** Position i of the current block (from() <= i < to() for the found text's), read in place. */
  positionAt(i: number): number {
    const block = this.current!;
    return packedAt(this.bytes, block.posByte, i, block.width);
  }

  /** Does the found text hold the term at word `want`? (Its few positions read in order.) */
  holds(want: number): boolean {
    const end = this.to();
    for (let i = this.from(); i < end; i++) {
      const p = this.positionAt(i);
      if (p >= want) return p === want;
    }
    return false;
  }

  /** The block's counts, decoded and kept in it (its cache weight counted them already). */
  private counted(block: PositionBlock): Uint32Array {
    let ok: boolean;
    try {
      ok = decodeCounts(this.bytes, block);
    } catch {
      ok = false;
    }
    if (!ok) throw this.damaged();
    return block.posOff!;
  }

  /** Every text holding the term, ascending (each block's text ids, positions skipped; not cached). */
  allTexts(): Uint32Array {
    const out = new Uint32Array(this.count);
    for (let b = 0; b < this.lastText.length; b++) {
      const cached = this.cache.get(this.start[b]!);
      if (cached) out.set(cached.texts, b * POSITION_BLOCK);
      else this.decode(b, out, b * POSITION_BLOCK);
    }
    return out;
  }
}
