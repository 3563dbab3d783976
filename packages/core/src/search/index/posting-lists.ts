import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { LruCache } from '../../binary/lru-cache';
import { BitWriter } from '../../binary/bit-writer';
import { ByteWriter } from '../../binary/varint';
import { CODED_FROM, readCodedImpacts, writeCodedImpacts } from './common-impacts';
import { DENSE_FROM, type DocBits, docBits } from './doc-bits';
import { rangeMaxima } from './impact-ranges';
import { KEYWORD_IMPACT } from './ranking-weights';

/** One term's postings: documents ascending, and the BM25F saturation (0..255) in each. */
export interface Postings {
  readonly docs: Uint32Array;
  readonly imps: Uint8Array;
  /** The highest impact (0 for an empty list): a ranked OR bounds the list's scores by it without a scan. */
  readonly max: number;
  /** The documents as bits, once built (denseBits). */
  readonly bits: DocBits | undefined;
  /** rangeMaxima of the list, found on first call (then kept with the list). */
  rangeMax(): Uint8Array | undefined;
  /**
   * The documents as bits, built on first call (then kept in `bits`) when the list holds one document
   * in DENSE_FROM or more (and is cached); undefined for a sparser list.
   */
  denseBits(): DocBits | undefined;
}

/**
 * A decoded list, its highest impact found when first asked for, and those of its ranges: a ranked OR
 * reads both, a one-word query the first, an AND neither (the scan of every impact was 0.013 ms of an
 * AND 3 query at 100k articles, about a nanosecond a posting). Its bits likewise: built when an AND finds they pay (bitsWorth), a
 * ranked OR counts by them, or the cached list is read again; an AND of a rare word and a common one
 * gallops through the common one's documents for less than building them costs.
 */
class DecodedPostings implements Postings {
  private highest = -1;
  private ranges: Uint8Array | undefined | null = null;
  bits: DocBits | undefined = undefined;

  constructor(
    readonly docs: Uint32Array,
    readonly imps: Uint8Array,
    /** Documents are numbered below this; 0 when the list is too sparse for bits. */
    private readonly denseOver: number,
  ) {}

  denseBits(): DocBits | undefined {
    if (this.bits === undefined && this.denseOver > 0) this.bits = docBits(this.docs, this.denseOver);
    return this.bits;
  }

  get max(): number {
    if (this.highest < 0) {
      // Its ranges' highest when found already (a ranked OR asks for them first): a few hundred, not every impact.
      const of = this.ranges ?? this.imps;
      let max = 0;
      for (let i = 0; i < of.length; i++) if (of[i]! > max) max = of[i]!;
      this.highest = max;
    }
    return this.highest;
  }

  rangeMax(): Uint8Array | undefined {
    if (this.ranges === null) this.ranges = rangeMaxima(this.docs, this.imps);
    return this.ranges;
  }
}

// Lists this long are worth keeping decoded; shorter ones decode faster than a cache lookup costs.
const CACHE_FROM = 64;
/**
 * At most this many decoded postings are kept per index (a segment's own), about 64-80 MB: 4 bytes a
 * document, an impact byte when the list's are alike, and bits (weighed in postings). bench:search's
 * queries at news 100k read 14.3M postings of lists worth keeping in each segment; at 8M, 24.5M were
 * decoded again after their lists were dropped, and at news 300k (three segments) AND 2 read 0.38 ms
 * at p50 where 16M read 0.31 (bench/search/protocol-replay.ts).
 */
const CACHE_POSTINGS = 16_000_000;
/** Gaps are bit-packed this many at a time (the rest of a list, and short lists, as varints). */
const BLOCK = 32;
/** Bit widths up to this are unpacked with 32-bit integer operations (wider gaps, past 16M documents, with floats). */
const INT_WIDTH = 24;

/**
 * Every term's postings in one buffer: the document gaps, in blocks of BLOCK bit-packed at the block's
 * widest gap (a width byte, then the bits, low first), the last gaps (fewer than BLOCK) as varints; then
 * the impacts: none when all are KEYWORD_IMPACT (field qualifiers and facet values), one byte when all
 * are alike, else coded by their documents' common impacts when that is shorter (common-impacts.ts), else
 * one per document (the record's length tells which: 0, 1, fewer than the documents, as many).
 * Read as stored (a snapshot loads without decoding); a list is decoded when a query reads it, and the
 * long ones are kept in a bounded cache.
 */
export class PostingLists {
  private readonly cache = new LruCache<DecodedPostings>(CACHE_POSTINGS);
  /** The bytes as 32-bit little-endian words at any offset: a packed gap is one read, not four. */
  private readonly view: DataView;

  constructor(
    /** Term t has df = termOff[t+1] - termOff[t] postings. */
    readonly termOff: Uint32Array,
    /** Term t's record is bytes[byteOff[t], byteOff[t+1]). */
    readonly byteOff: Uint32Array,
    readonly bytes: Uint8Array,
    /** Documents are numbered below this. */
    readonly docCount: number,
    /** Each document's common impacts (CommonImpacts.table), which coded impacts name. */
    readonly common: Uint8Array,
    /**
     * A bit per term, set when some document holds the term outside its stored texts only (in a quotation
     * or an entity's name); unknown (undefined) in snapshots made before it.
     */
    readonly outsideTexts?: Uint8Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Encodes flat postings (grouped by term, documents ascending within a term), their impacts coded by
   * `common` (each document's common impacts) where that is shorter: any table decodes as encoded.
   */
  static encode(
    termOff: Uint32Array,
    docs: Uint32Array,
    imps: Uint8Array,
    docCount: number,
    common: Uint8Array = new Uint8Array(0),
    outsideTexts?: Uint8Array,
  ): PostingLists {
    const termCount = termOff.length - 1;
    const w = new ByteWriter(docs.length * 2 + 1024);
    const bits = new BitWriter(w);
    const byteOff = new Uint32Array(termCount + 1);
    const gaps = new Uint32Array(BLOCK);
    let longest = 0;
    for (let t = 0; t < termCount; t++) longest = Math.max(longest, termOff[t + 1]! - termOff[t]!);
    const codes = new Uint8Array((longest + 3) >> 2);
    for (let t = 0; t < termCount; t++) {
      let prev = 0;
      const a = termOff[t]!;
      const b = termOff[t + 1]!;
      let i = a;
      for (; i + BLOCK <= b; i += BLOCK) {
        for (let j = 0; j < BLOCK; j++) {
          gaps[j] = docs[i + j]! - prev;
          prev = docs[i + j]!;
        }
        packBlock(w, bits, gaps);
      }
      for (; i < b; i++) {
        w.varint(docs[i]! - prev);
        prev = docs[i]!;
      }
      let uniform = true;
      for (let k = a + 1; k < b && uniform; k++) uniform = imps[k] === imps[a];
      if (!uniform) {
        if (!writeCodedImpacts(w, docs, imps, a, b, common, codes)) w.raw(imps.subarray(a, b));
      } else if (b > a && imps[a] !== KEYWORD_IMPACT) w.byte(imps[a]!);
      byteOff[t + 1] = w.length;
    }
    return new PostingLists(termOff, byteOff, w.done(), docCount, common, outsideTexts);
  }

  get terms(): number {
    return this.termOff.length - 1;
  }

  /** Does every document of term t hold it in one of its stored texts? Undefined when not known. */
  inTexts(t: number): boolean | undefined {
    const bits = this.outsideTexts;
    return bits === undefined ? undefined : (bits[t >> 3]! & (1 << (t & 7))) === 0;
  }

  df(t: number): number {
    return this.termOff[t + 1]! - this.termOff[t]!;
  }

  get(t: number): Postings {
    const hit = this.cached(t);
    // Read again: a common word, whose bits the next queries will use (built now if no AND asked).
    hit?.denseBits();
    return hit ?? this.decode(t);
  }

  /**
   * Term t's documents, for a look-up that is not a query reading the list again (a page asking which of
   * its few documents hold a term its query matched): a cached list's bits are not built for it. Built
   * there, they took about 7% of a page at 100k articles (a profile of AND 3), for a word no other query may ask.
   */
  docs(t: number): Uint32Array {
    return (this.cached(t) ?? this.decode(t)).docs;
  }

  /** Term t's list when the cache holds it (only lists of CACHE_FROM postings or more are kept). */
  private cached(t: number): DecodedPostings | undefined {
    return this.df(t) >= CACHE_FROM ? this.cache.get(t) : undefined;
  }

  /** Term t's list decoded (and kept when long). */
  private decode(t: number): DecodedPostings {
    const n = this.df(t);
    const bytes = this.bytes;
    const from = this.byteOff[t]!;
    const end = this.byteOff[t + 1]!;
    // A packed block of BLOCK gaps takes 5 bytes at least (a width byte, 1 bit a gap): checked before
    // the list is allocated, so damaged offsets cannot ask for a huge one.
    if (n > (end - from) * 8) throw damagedSnapshot(`postings of term ${t}`);
    // The documents and, behind them, room for their impacts: one allocation, not two.
    const buffer = new ArrayBuffer(5 * n);
    const docs = new Uint32Array(buffer, 0, n);
    const p = decodeGaps(bytes, this.view, from, end, docs, this.docCount);
    const rest = end - p;
    // Coded impacts (fewer bytes than documents, more than one) only in lists of CODED_FROM or more.
    const coded = rest > 1 && rest < n && n >= CODED_FROM;
    if (p < 0 || !(rest === 0 || (n > 0 && (rest === 1 || rest === n || coded))))
      throw damagedSnapshot(`postings of term ${t}`);
    const imps =
      rest === n && n > 1
        ? bytes.subarray(p, end)
        : coded
          ? readCodedImpacts(bytes, p, end, docs, this.common, new Uint8Array(buffer, 4 * n, n))
          : new Uint8Array(buffer, 4 * n, n).fill(rest === 0 ? KEYWORD_IMPACT : bytes[p]!);
    if (imps === undefined) throw damagedSnapshot(`postings of term ${t} (impacts)`);
    // Bits are built when a query first asks (denseBits), kept with the cached list: an AND with a
    // word not much rarer then finds its documents by them.
    const dense = n >= CACHE_FROM && n * DENSE_FROM >= this.docCount;
    const out = new DecodedPostings(docs, imps, dense ? this.docCount : 0);
    // Weighed in postings (5 bytes each: a document and an impact), the bits' 8 bytes a word included.
    const words = (this.docCount + 31) >>> 5;
    if (n >= CACHE_FROM) this.cache.set(t, out, n + (dense ? Math.ceil((words * 8) / 5) : 0));
    return out;
  }
}

/** Writes BLOCK gaps bit-packed at the width of the widest: the width byte, then the bits, low first. */
function packBlock(w: ByteWriter, bits: BitWriter, gaps: Uint32Array): void {
  let widest = 0;
  for (let j = 0; j < BLOCK; j++) widest |= gaps[j]!;
  const width = 32 - Math.clz32(widest);
  w.byte(width);
  for (let j = 0; j < BLOCK; j++) bits.put(gaps[j]!, width);
  bits.flush();
}

/**
 * Decodes out.length gaps (packed blocks, then varints) from bytes[from, end) into ascending documents;
 * the position after them, or -1 on damage (the bytes end first, a width passes 32, a varint runs past 5
 * bytes, a document reaches `docCount`).
 * Inlined, not a reader call per gap: a list of a hundred thousand postings is decoded on a query's path.
 */
function decodeGaps(
  bytes: Uint8Array,
  view: DataView,
  from: number,
  end: number,
  out: Uint32Array,
  docCount: number,
): number {
  let p = from;
  let prev = 0;
  let i = 0;
  for (; i + BLOCK <= out.length; i += BLOCK) {
    if (p >= end) return -1;
    const width = bytes[p++]!;
    const size = (BLOCK * width) >> 3;
    if (width > 32 || p + size > end) return -1;
    if (width <= INT_WIDTH) prev = unpackInts(bytes, view, p, width, out, i, prev);
    else prev = unpackFloats(bytes, p, width, out, i, prev);
    p += size;
  }
  for (; i < out.length; i++) {
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
    prev += v;
    out[i] = prev;
  }
  return prev < docCount || out.length === 0 ? p : -1;
}

/**
 * A block of gaps up to INT_WIDTH bits (every index below 16M documents): each gap read from the 4 bytes
 * holding it, as one little-endian word (the block's last gap may read bytes past the block, masked off;
 * near the buffer's end, byte by byte).
 */
function unpackInts(
  bytes: Uint8Array,
  view: DataView,
  p: number,
  width: number,
  out: Uint32Array,
  at: number,
  prev: number,
) {
  // Every word the block reads lies in the buffer: read four gaps a step, unchecked.
  if (p + (((BLOCK - 1) * width) >> 3) + 4 <= bytes.length) return unpackFour(view, p, width, out, at, prev);
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

/**
 * unpackInts away from the buffer's end, four gaps a step: the four reads do not wait on each other, only
 * the running sum does (a quarter faster than a gap a step in a micro-bench, 2.0-2.4 against 3.0 ns).
 */
function unpackFour(view: DataView, p: number, width: number, out: Uint32Array, at: number, prev: number) {
  const mask = (1 << width) - 1;
  let bit = 0;
  for (let j = at; j < at + BLOCK; j += 4) {
    const g0 = (view.getUint32(p + (bit >> 3), true) >>> (bit & 7)) & mask;
    bit += width;
    const g1 = (view.getUint32(p + (bit >> 3), true) >>> (bit & 7)) & mask;
    bit += width;
    const g2 = (view.getUint32(p + (bit >> 3), true) >>> (bit & 7)) & mask;
    bit += width;
    const g3 = (view.getUint32(p + (bit >> 3), true) >>> (bit & 7)) & mask;
    bit += width;
    out[j] = prev += g0;
    out[j + 1] = prev += g1;
    out[j + 2] = prev += g2;
    out[j + 3] = prev += g3;
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
