import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { LruCache } from '../../binary/lru-cache';
import { ByteWriter } from '../../binary/varint';
import { DENSE_FROM, type DocBits, docBits } from './doc-bits';
import {
  BLOCK,
  decodeVarints,
  headBits,
  headWidth,
  IMPACTS_EACH,
  IMPACTS_NONE,
  IMPACTS_ONE,
  impactsKind,
  packBlock,
  readHead,
  unpackBlock,
} from './posting-blocks';
import { KEYWORD_IMPACT } from './ranking-weights';

/** One term's postings: documents ascending, and the BM25F saturation (0..255) in each. */
export interface Postings {
  /** Every document (the rest decoded on first read, when the list was opened for seeking). */
  readonly docs: Uint32Array;
  readonly imps: Uint8Array;
  /** The highest impact (0 for an empty list): a ranked OR bounds the list's scores by it without a scan. */
  readonly max: number;
  /** The documents as bits, once built (denseBits). */
  readonly bits: DocBits | undefined;
  /**
   * The documents as bits, built on first call (then kept in `bits`) when the list holds one document
   * in DENSE_FROM or more (and is cached); undefined for a sparser list.
   */
  denseBits(): DocBits | undefined;
}

/** A list opened for seeking (PostingLists.open): its documents decoded a block at a time, as reached. */
export interface SeekablePostings extends Postings {
  /** The documents decoded so far, in place (the list's length; a block not yet reached holds zeros). */
  readonly partial: Uint32Array;
  /** Every document decoded (partial then holds them all, as docs). */
  readonly whole: boolean;
  /** Documents of the index are numbered below this. */
  readonly docCount: number;
  /** Decodes every document not yet decoded (the list is whole after). */
  complete(): void;
  /** A cursor for one walk over the list, its targets ascending. */
  cursor(): PostingCursor;
}

// Lists this long are worth keeping decoded; shorter ones decode faster than a cache lookup costs.
const CACHE_FROM = 64;
const CACHE_POSTINGS = 8_000_000;

/**
 * A list read from its bytes: its documents decoded whole (get) or a block at a time as a cursor
 * reaches them (open), its highest impact found when first asked for (a ranked OR and a one-word query
 * read it, an AND does not), its bits built when an AND finds they pay (bitsWorth), a ranked OR counts
 * by them, or the cached list is read again.
 */
class DecodedPostings implements SeekablePostings {
  private highest = -1;
  bits: DocBits | undefined = undefined;
  /**
   * Every document decoded. Until then a block's last slot tells whether it is: it is 0 until decoded
   * and never after (32 distinct documents ascending end at 31 or more), as is the tail's.
   */
  whole: boolean;
  readonly blocks: number;

  constructor(
    readonly partial: Uint32Array,
    readonly imps: Uint8Array,
    /** Documents are numbered below this; 0 when the list is too sparse for bits. */
    private readonly denseOver: number,
    readonly lists: PostingLists,
    readonly term: number,
    /** The record's first byte, and the end of its documents (where its impacts start). */
    readonly from: number,
    readonly docsEnd: number,
  ) {
    this.blocks = Math.floor(partial.length / BLOCK);
    this.whole = this.blocks === 0;
  }

  get docCount(): number {
    return this.lists.docCount;
  }

  get docs(): Uint32Array {
    if (!this.whole) this.complete();
    return this.partial;
  }

  denseBits(): DocBits | undefined {
    if (this.bits === undefined && this.denseOver > 0) this.bits = docBits(this.docs, this.denseOver);
    return this.bits;
  }

  get max(): number {
    if (this.highest < 0) {
      let max = 0;
      for (let i = 0; i < this.imps.length; i++) if (this.imps[i]! > max) max = this.imps[i]!;
      this.highest = max;
    }
    return this.highest;
  }

  cursor(): PostingCursor {
    return new PostingCursor(this);
  }

  /**
   * Decodes block b, its bits `width` wide at bytes[bits], after document `prev`: its last document
   * must be `last` (its span said so), below the document count. Damage leaves the block undecoded.
   */
  decodeBlock(b: number, bits: number, width: number, prev: number, last: number): void {
    const lists = this.lists;
    const got = unpackBlock(lists.bytes, lists.view, bits, width, this.partial, b * BLOCK, prev);
    if (got !== last || last >= lists.docCount) this.refuseBlock(b);
  }

  /** Block b found damaged: left undecoded (zeros), and refused. */
  private refuseBlock(b: number): never {
    this.partial.fill(0, b * BLOCK, (b + 1) * BLOCK);
    throw this.damaged();
  }

  /** Decodes the varint tail (from bytes[p], after document `prev`): it must end where the impacts start. */
  decodeTail(p: number, prev: number): void {
    const lists = this.lists;
    const docs = this.partial;
    const at = this.blocks * BLOCK;
    if (at === docs.length) return;
    const end = decodeVarints(lists.bytes, p, this.docsEnd, docs, at, prev);
    if (end !== this.docsEnd || docs[docs.length - 1]! >= lists.docCount) {
      docs.fill(0, at);
      throw this.damaged();
    }
  }

  /** Decodes every block not yet decoded, and the tail. */
  complete(): void {
    if (this.whole) return;
    const docs = this.partial;
    const bytes = this.lists.bytes;
    const view = this.lists.view;
    const end = this.docsEnd;
    let p = this.from;
    let prev = 0;
    for (let b = 0; b < this.blocks; b++) {
      const span = readHead(bytes, p, end, b === 0);
      if (span < 0) throw this.damaged();
      const width = headWidth;
      const last = prev + span;
      if (docs[b * BLOCK + BLOCK - 1] === 0) {
        const got = unpackBlock(bytes, view, headBits, width, docs, b * BLOCK, prev);
        if (got !== last || last >= this.lists.docCount) this.refuseBlock(b);
      }
      prev = last;
      p = headBits + 4 * width;
    }
    // The tail, unless a walk decoded it (and checked it then); with none, the blocks end the documents.
    if (docs.length === this.blocks * BLOCK) {
      if (p !== this.docsEnd) throw this.damaged();
    } else if (docs[docs.length - 1] === 0) this.decodeTail(p, prev);
    this.whole = true;
  }

  damaged() {
    return damagedSnapshot(`postings of term ${this.term}`);
  }
}

/**
 * A walk over a list opened for seeking, its targets ascending (an AND's longer list, asked about each
 * document of a shorter one): blocks ending before a target are passed by their heads (their spans),
 * and only the block holding the target is decoded, once for all walks over the list. A block passed
 * over is checked when it is decoded (a later seek into it, or the list made whole); a snapshot's
 * postings are checksummed whole at load, so its blocks hold together before any is read.
 */
export class PostingCursor {
  private readonly docs: Uint32Array;
  private readonly bytes: Uint8Array;
  /** The block the walk stands in (blocks: the tail), its head's byte, and the last document before it. */
  private b = 0;
  private p: number;
  private prev = 0;
  /** The current block's last document (the list's last in the tail); -1 until known. */
  private last = -1;
  /** Where the current block's documents end among the list's. */
  private end = 0;
  /** The index the last seek found (seeks ascend, so the next one starts there). */
  private at = 0;

  constructor(private readonly list: DecodedPostings) {
    this.p = list.from;
    this.docs = list.partial;
    this.bytes = list.lists.bytes;
  }

  /** The index of the first document >= target (the list's length when none is), its block decoded. */
  seek(target: number): number {
    if (target > this.last) this.reach(target);
    const docs = this.docs;
    const end = this.end;
    let i = this.at;
    while (i < end && docs[i]! < target) i++;
    this.at = i;
    return i;
  }

  /** Moves to the block holding the first document >= target (decoded), past the blocks ending before it. */
  private reach(target: number): void {
    const list = this.list;
    const blocks = list.blocks;
    const docs = this.docs;
    for (; this.b < blocks; this.b++) {
      const span = readHead(this.bytes, this.p, list.docsEnd, this.b === 0);
      if (span < 0) throw list.damaged();
      const last = this.prev + span;
      const next = headBits + 4 * headWidth;
      if (last >= target) {
        const b = this.b;
        if (docs[b * BLOCK + BLOCK - 1] === 0) list.decodeBlock(b, headBits, headWidth, this.prev, last);
        this.last = last;
        this.end = (b + 1) * BLOCK;
        this.at = Math.max(this.at, b * BLOCK);
        // The next block starts after this one: kept for the walk on.
        this.prev = last;
        this.p = next;
        this.b++;
        return;
      }
      this.prev = last;
      this.p = next;
    }
    // Past every block: the tail (its last document the list's, or none above the target).
    if (docs.length > blocks * BLOCK && docs[docs.length - 1] === 0) list.decodeTail(this.p, this.prev);
    this.last = Number.POSITIVE_INFINITY;
    this.end = docs.length;
    this.at = Math.max(this.at, blocks * BLOCK);
  }
}

/**
 * Every term's postings in one buffer: the document gaps in packed blocks of BLOCK (posting-blocks:
 * each with its span, the skip data), the last gaps (fewer than BLOCK) as varints; then the impacts:
 * none when all are KEYWORD_IMPACT (field qualifiers and facet values), one byte when all are alike,
 * else one per document (a list with a packed block says which in its first head; a shorter one by
 * its record's length).
 * Read as stored (a snapshot loads without decoding); a list is decoded when a query reads it, and the
 * long ones are kept in a bounded cache.
 */
export class PostingLists {
  private readonly cache = new LruCache<DecodedPostings>(CACHE_POSTINGS);
  /** The bytes as 32-bit little-endian words at any offset: a packed gap is one read, not four. */
  readonly view: DataView;

  constructor(
    /** Term t has df = termOff[t+1] - termOff[t] postings. */
    readonly termOff: Uint32Array,
    /** Term t's record is bytes[byteOff[t], byteOff[t+1]). */
    readonly byteOff: Uint32Array,
    readonly bytes: Uint8Array,
    /** Documents are numbered below this. */
    readonly docCount: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Encodes flat postings (grouped by term, documents ascending within a term). */
  static encode(termOff: Uint32Array, docs: Uint32Array, imps: Uint8Array, docCount: number): PostingLists {
    const termCount = termOff.length - 1;
    const w = new ByteWriter(docs.length * 2 + 1024);
    const byteOff = new Uint32Array(termCount + 1);
    const gaps = new Uint32Array(BLOCK);
    for (let t = 0; t < termCount; t++) {
      const a = termOff[t]!;
      const b = termOff[t + 1]!;
      let uniform = true;
      for (let k = a + 1; k < b && uniform; k++) uniform = imps[k] === imps[a];
      const kind = !uniform ? IMPACTS_EACH : b > a && imps[a] !== KEYWORD_IMPACT ? IMPACTS_ONE : IMPACTS_NONE;
      let prev = 0;
      let i = a;
      for (; i + BLOCK <= b; i += BLOCK) {
        const before = prev;
        for (let j = 0; j < BLOCK; j++) {
          gaps[j] = docs[i + j]! - prev;
          prev = docs[i + j]!;
        }
        packBlock(w, gaps, prev - before, i === a ? kind : 0);
      }
      for (; i < b; i++) {
        w.varint(docs[i]! - prev);
        prev = docs[i]!;
      }
      if (kind === IMPACTS_EACH) w.raw(imps.subarray(a, b));
      else if (kind === IMPACTS_ONE) w.byte(imps[a]!);
      byteOff[t + 1] = w.length;
    }
    return new PostingLists(termOff, byteOff, w.done(), docCount);
  }

  get terms(): number {
    return this.termOff.length - 1;
  }

  df(t: number): number {
    return this.termOff[t + 1]! - this.termOff[t]!;
  }

  /** Term t's list, every document decoded. */
  get(t: number): SeekablePostings {
    const p = this.open(t);
    p.complete();
    return p;
  }

  /**
   * Term t's list, its documents decoded a block at a time as cursors reach them (an AND seeking a
   * rarer word's documents in it decodes only the blocks they fall in); reading `docs` decodes the rest.
   */
  open(t: number): DecodedPostings {
    const n = this.df(t);
    if (n >= CACHE_FROM) {
      const hit = this.cache.get(t);
      if (hit) {
        // Read again: a common word, whose bits the next queries will use (built now if no AND asked).
        hit.denseBits();
        return hit;
      }
    }
    const out = this.read(t, n);
    // Weighed in postings (5 bytes each: a document and an impact), the bits' 8 bytes a word included.
    const words = (this.docCount + 31) >>> 5;
    const dense = n >= CACHE_FROM && n * DENSE_FROM >= this.docCount;
    if (n >= CACHE_FROM) this.cache.set(t, out, n + (dense ? Math.ceil((words * 8) / 5) : 0));
    return out;
  }

  /** Term t's record opened: its impacts read, its documents decoded now if it has no packed block. */
  private read(t: number, n: number): DecodedPostings {
    const bytes = this.bytes;
    const from = this.byteOff[t]!;
    const end = this.byteOff[t + 1]!;
    // A packed block of BLOCK gaps takes 6 bytes at least (a width byte, a span byte, 1 bit a gap):
    // checked before the list is allocated, so damaged offsets cannot ask for a huge one.
    if (n > (end - from) * 8) throw damagedSnapshot(`postings of term ${t}`);
    const docs = new Uint32Array(n);
    let docsEnd: number;
    let imps: Uint8Array;
    if (n >= BLOCK) {
      const kind = impactsKind(bytes, from);
      const size = kind === IMPACTS_EACH ? n : kind === IMPACTS_ONE ? 1 : 0;
      docsEnd = end - size;
      if (kind > IMPACTS_EACH || docsEnd <= from) throw damagedSnapshot(`postings of term ${t}`);
      imps =
        kind === IMPACTS_EACH
          ? bytes.subarray(docsEnd, end)
          : new Uint8Array(n).fill(kind === IMPACTS_NONE ? KEYWORD_IMPACT : bytes[docsEnd]!);
    } else {
      const p = decodeVarints(bytes, from, end, docs, 0, 0);
      const rest = end - p;
      if (p < 0 || !(rest === 0 || (n > 0 && (rest === 1 || rest === n))) || docs[n - 1]! >= this.docCount)
        throw damagedSnapshot(`postings of term ${t}`);
      docsEnd = p;
      imps =
        rest === n && n > 1
          ? bytes.subarray(p, end)
          : new Uint8Array(n).fill(rest === 0 ? KEYWORD_IMPACT : bytes[p]!);
    }
    // Bits are built when a query first asks (denseBits), kept with the cached list: an AND with a
    // word not much rarer then finds its documents by them.
    const dense = n >= CACHE_FROM && n * DENSE_FROM >= this.docCount;
    return new DecodedPostings(docs, imps, dense ? this.docCount : 0, this, t, from, docsEnd);
  }
}
