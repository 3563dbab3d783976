import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { GrowableArray } from '../../binary/growable-array';
import { ByteReader } from '../../binary/varint';

/** Texts per block of a positional list: a lookup decodes one block, not the whole list. */
export const POSITION_BLOCK = 128;

/**
 * A term's positional record, read block by block: `seek(x)` finds text x by the skip table (each
 * block's last text and byte length) and decodes only that block's text ids; `positions()` decodes that
 * block's positions on first use. A phrase of a rare and a common word, or the proximity check of a
 * page, reads the few blocks of the common word its texts fall in, not all of them.
 *
 * Record: count n; when n > POSITION_BLOCK, a skip table (per block: its last text as a gap from the
 * previous block's, its byte length); then the blocks, each its text gaps (continuing the previous
 * block's), then per text its position count and position gaps.
 */
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
  if (n > end - from) throw damaged(term);
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

export class PositionCursor {
  /** Texts holding the term. */
  readonly count: number;
  private readonly lastText: Uint32Array;
  private readonly start: Uint32Array;
  private block = -1;
  private readonly texts = new Uint32Array(POSITION_BLOCK);
  private size = 0;
  private posFrom = 0;
  private posBlock = -1;
  private readonly posOff = new Uint32Array(POSITION_BLOCK + 1);
  private readonly pos = new GrowableArray(Uint32Array, 64);
  private at = 0;

  constructor(
    skip: SkipTable,
    private readonly bytes: Uint8Array,
    private readonly textCount: number,
    private readonly term: number,
  ) {
    this.count = skip.count;
    this.lastText = skip.lastText;
    this.start = skip.start;
  }

  private damaged() {
    return damaged(this.term);
  }

  /** Decodes block b's text ids (the first text is a gap from the previous block's last). */
  private load(b: number): void {
    if (this.block === b) return;
    const r = new ByteReader(this.bytes, this.start[b]!, this.start[b + 1]!);
    const k = Math.min(POSITION_BLOCK, this.count - b * POSITION_BLOCK);
    let prev = b > 0 ? this.lastText[b - 1]! : 0;
    try {
      for (let i = 0; i < k; i++) this.texts[i] = prev += r.varint();
    } catch {
      throw this.damaged();
    }
    const wanted = this.lastText[b] === 0xffffffff ? this.textCount - 1 : this.lastText[b]!;
    if (k > 0 && (prev >= this.textCount || prev > wanted)) throw this.damaged();
    this.size = k;
    this.posFrom = r.p;
    this.block = b;
  }

  /** Moves to text x; false when the term does not occur in it. */
  seek(x: number): boolean {
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
      if (lo === last.length) return false;
      b = lo;
    }
    this.load(b);
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.texts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    this.at = lo;
    return lo < this.size && this.texts[lo] === x;
  }

  /** The ascending word positions in the text the last successful seek found. */
  positions(): Uint32Array {
    if (this.posBlock !== this.block) this.loadPositions();
    return this.pos.array.subarray(this.posOff[this.at]!, this.posOff[this.at + 1]!);
  }

  private loadPositions(): void {
    const r = new ByteReader(this.bytes, this.posFrom, this.start[this.block + 1]!);
    const pos = this.pos;
    pos.length = 0;
    try {
      for (let i = 0; i < this.size; i++) {
        const len = r.varint();
        if (len > r.end - r.p) throw new RangeError('damaged');
        pos.reserve(len);
        const out = pos.array;
        let k = pos.length;
        let q = 0;
        for (let j = 0; j < len; j++) out[k++] = q += r.varint();
        pos.length = k;
        this.posOff[i + 1] = k;
      }
    } catch {
      throw this.damaged();
    }
    if (r.p !== r.end) throw this.damaged();
    this.posBlock = this.block;
  }

  /** Every text holding the term, ascending (each block's text ids, positions skipped). */
  allTexts(): Uint32Array {
    const out = new Uint32Array(this.count);
    for (let b = 0; b < this.lastText.length; b++) {
      this.load(b);
      out.set(this.texts.subarray(0, this.size), b * POSITION_BLOCK);
    }
    return out;
  }
}
