import { GrowableArray } from '../../binary/growable-array';
import { LruCache } from '../../binary/lru-cache';
import { ByteWriter } from '../../binary/varint';
import { BlockCache } from './block-cache';
import { type BlockInput, blockSize, writeBlock } from './position-block';
import { bucketHeads, bucketOf, bucketScratch, rankBuckets, sortBucket } from './rank-buckets';
import { byRank } from './rank-offsets';
import { POSITION_BLOCK, PositionCursor, readSkipTable, type SkipTable } from './position-cursor';

/** Where one term occurs: the stored texts holding it (ascending) and its word positions in each. */
export interface TermPositions {
  texts: Uint32Array;
  /** Positions in texts[i] are pos[posOff[i], posOff[i+1]), ascending. */
  posOff: Uint32Array;
  pos: Uint32Array;
}

const EMPTY: TermPositions = {
  texts: new Uint32Array(0),
  posOff: new Uint32Array(1),
  pos: new Uint32Array(0),
};
/** Text ids kept decoded on their own (for lists whose positions are not asked for). */
const CACHE_TEXTS = 4_000_000;
/** Skip tables of long lists kept read (blocks): a query's cursors start without reading them again. */
const CACHE_SKIPS = 1_000_000;
/**
 * Decoded blocks kept, in numbers (text ids and counts' prefix sums): common words' blocks recur across
 * queries (a phrase seeks the common word's blocks its rarest word's texts fall in; proximity and
 * snippets read the page's blocks twice). No more than the list bytes themselves decode to.
 */
const CACHE_BLOCKS = 4_000_000;
/** The numbers of a full block with its counts' prefix sums: the block cache has CACHE_BLOCKS / this slots. */
const BLOCK_NUMBERS = 2 * POSITION_BLOCK + 1;

/**
 * Positional postings over the stored texts (titles, standfirsts, body blocks), not documents: a text
 * shared by many documents (a syndicated paragraph) is listed once, and a phrase never spans two texts.
 * Positions count every word, stop words included, so "Bank of England" keeps its gap.
 */
export class PositionLists {
  private readonly textCache = new LruCache<Uint32Array>(CACHE_TEXTS);
  private readonly skipCache = new LruCache<SkipTable>(CACHE_SKIPS);
  private readonly blockCache: BlockCache;

  constructor(
    readonly byteOff: Uint32Array,
    readonly bytes: Uint8Array,
    /** Stored texts are numbered below this. */
    readonly textCount: number,
  ) {
    // Each number decoded took a bit at least: the cache holds no more than a few times the bytes.
    this.blockCache = new BlockCache(Math.min(CACHE_BLOCKS, bytes.length) / BLOCK_NUMBERS);
  }

  /**
   * From each unique text's words as term ids (`seq`, -1 for a stop word; text x is
   * seq[seqOff[x], seqOff[x+1])), with `rank` mapping every term id to its dictionary index (as many
   * terms as ids); `counts` as countTerms gives them (counted here when not given).
   */
  static build(
    seq: Int32Array,
    seqOff: Uint32Array,
    rank: Uint32Array,
    counts: TermCounts = countTerms(seq, seqOff, rank),
  ): PositionLists {
    const nTexts = seqOff.length - 1;
    const terms = rank.length;
    const pairs = counts.texts;
    const { pos, text } = sortPositions(seq, seqOff, rank, counts.positions);
    // Each term's texts (ascending) and how many of its positions each holds, in one pass in rank order.
    const pairText = new Uint32Array(pairs[terms]!);
    const pairLen = new Uint32Array(pairs[terms]!);
    let fill = 0;
    for (let k = 0; k < terms; k++) {
      const to = counts.positions[k + 1]!;
      for (let j = counts.positions[k]!; j < to; j++) {
        if (j === counts.positions[k] || text[j] !== text[j - 1]) pairText[fill++] = text[j]!;
        pairLen[fill - 1]!++;
      }
    }
    const w = new ByteWriter(pos.length * 2 + pairText.length * 2 + 1024);
    const byteOff = new Uint32Array(terms + 1);
    const input = { pairText, pairLen, pos };
    let p = 0;
    for (let k = 0; k < terms; k++) {
      if (pairs[k + 1]! > pairs[k]!) p = writeRecord(w, input, pairs[k]!, pairs[k + 1]!, p);
      byteOff[k + 1] = w.length;
    }
    return new PositionLists(byteOff, w.done(), nTexts);
  }

  /** A cursor over term t's record (null when no text holds it): what phrase and proximity checks read. */
  cursor(t: number): PositionCursor | null {
    const from = this.byteOff[t]!;
    const to = this.byteOff[t + 1]!;
    if (from === to) return null;
    let skip = this.skipCache.get(t);
    if (!skip) {
      skip = readSkipTable(this.bytes, from, to, this.textCount, t);
      if (skip.lastText.length > 1) this.skipCache.set(t, skip, skip.lastText.length);
    }
    return new PositionCursor(skip, this.bytes, this.textCount, t, this.blockCache);
  }

  /** Term t's whole list, decoded (every block). */
  get(t: number): TermPositions {
    const c = this.cursor(t);
    if (!c) return EMPTY;
    const texts = this.texts(t);
    const posOff = new Uint32Array(texts.length + 1);
    const pos = new GrowableArray(Uint32Array, texts.length);
    for (let i = 0; i < texts.length; i++) {
      c.seek(texts[i]!);
      const at = c.positions();
      pos.reserve(at.length);
      pos.array.set(at, pos.length);
      pos.length += at.length;
      posOff[i + 1] = pos.length;
    }
    return { texts, posOff, pos: pos.view() };
  }

  /**
   * The texts holding term t (ascending) without its positions: each block's text ids come first in
   * its bytes, so the positions are not read (what snippets and a one-word phrase need).
   */
  texts(t: number): Uint32Array {
    const hit = this.textCache.get(t);
    if (hit) return hit;
    const c = this.cursor(t);
    if (!c) return EMPTY.texts;
    const texts = c.allTexts();
    this.textCache.set(t, texts, texts.length);
    return texts;
  }
}

/**
 * Per dictionary rank, as running sums (rank r's at [r]..[r + 1]): the unique texts holding the term, and
 * its positions in them. The positions are laid out by them, and word pairs choose their common words by
 * the texts.
 */
export interface TermCounts {
  texts: Uint32Array;
  positions: Uint32Array;
}

/**
 * Every position of the texts' words, sorted by term rank, then text, then place in it (bucket by
 * bucket, see rank-buckets.ts): where it is in its text, and the text. `offsets` are each rank's first
 * place (countTerms' positions).
 */
function sortPositions(seq: Int32Array, seqOff: Uint32Array, rank: Uint32Array, offsets: Uint32Array) {
  const terms = offsets.length - 1;
  const total = offsets[terms]!;
  const buckets = rankBuckets(offsets, rank);
  const code = buckets.code;
  const next = bucketHeads(buckets);
  const pos = new Uint32Array(total);
  const text = new Uint32Array(total);
  const local = new Uint16Array(total);
  for (let x = 0; x + 1 < seqOff.length; x++) {
    const base = seqOff[x]!;
    for (let i = base; i < seqOff[x + 1]!; i++) {
      const raw = seq[i]!;
      if (raw < 0) continue;
      const c = code[raw]!;
      const at = next[bucketOf(c)]!++;
      pos[at] = i - base;
      text[at] = x;
      local[at] = c & 0xffff;
    }
  }
  const scratch = bucketScratch(buckets, text);
  for (let b = 0; b < next.length; b++) sortBucket(buckets, b, local, pos, text, scratch);
  return { pos, text };
}

/** The TermCounts of the texts' words (as PositionLists.build reads them). */
export function countTerms(seq: Int32Array, seqOff: Uint32Array, rank: Uint32Array): TermCounts {
  const nTexts = seqOff.length - 1;
  // Counted by term id, then laid out by rank (see countEach).
  const textsOf = new Uint32Array(rank.length);
  const positionsOf = new Uint32Array(rank.length);
  const last = new Int32Array(rank.length).fill(-1);
  for (let x = 0; x < nTexts; x++) {
    for (let i = seqOff[x]!; i < seqOff[x + 1]!; i++) {
      const raw = seq[i]!;
      if (raw < 0) continue;
      positionsOf[raw]!++;
      if (last[raw] === x) continue;
      last[raw] = x;
      textsOf[raw]!++;
    }
  }
  const texts = byRank(textsOf, rank);
  const positions = byRank(positionsOf, rank);
  return { texts, positions };
}

/**
 * One term's record (texts pairText[a, b), their position counts in pairLen, positions from pos[p]) in
 * blocks of POSITION_BLOCK texts, with a skip table when there is more than one; the next p.
 */
function writeRecord(w: ByteWriter, input: BlockInput, a: number, b: number, p: number): number {
  const { pairText, pairLen } = input;
  w.varint(b - a);
  if (b - a > POSITION_BLOCK) {
    let prev = 0;
    let q = p;
    for (let s = a; s < b; s += POSITION_BLOCK) {
      const e = Math.min(b, s + POSITION_BLOCK);
      const size = blockSize(input, s, e, q, s > a ? pairText[s - 1]! : 0);
      for (let j = s; j < e; j++) q += pairLen[j]!;
      w.varint(pairText[e - 1]! - prev);
      w.varint(size);
      prev = pairText[e - 1]!;
    }
  }
  for (let s = a; s < b; s += POSITION_BLOCK) {
    const e = Math.min(b, s + POSITION_BLOCK);
    p = writeBlock(w, input, s, e, p, s > a ? pairText[s - 1]! : 0);
  }
  return p;
}
