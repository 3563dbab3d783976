import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { LruCache } from '../../binary/lru-cache';
import { ByteWriter } from '../../binary/varint';

/** One term's postings: documents ascending, and the BM25F saturation (0..255) in each. */
export interface Postings {
  docs: Uint32Array;
  imps: Uint8Array;
  /** The highest impact (0 for an empty list): a ranked OR bounds the list's scores by it without a scan. */
  max: number;
}

// Lists this long are worth keeping decoded; shorter ones decode faster than a cache lookup costs.
const CACHE_FROM = 64;
const CACHE_POSTINGS = 8_000_000;
const UNIFORM = 0;
const EACH = 1;

/**
 * Every term's postings in one buffer: document gaps as varints, then one impact byte per document (or
 * one for the list, when they are all alike).
 * Read as stored (a snapshot loads without decoding); a list is decoded when a query reads it, and the
 * long ones are kept in a bounded cache.
 */
export class PostingLists {
  private readonly cache = new LruCache<Postings>(CACHE_POSTINGS);

  constructor(
    /** Term t has df = termOff[t+1] - termOff[t] postings. */
    readonly termOff: Uint32Array,
    /** Term t's record is bytes[byteOff[t], byteOff[t+1]). */
    readonly byteOff: Uint32Array,
    readonly bytes: Uint8Array,
    /** Documents are numbered below this. */
    readonly docCount: number,
  ) {}

  /** Encodes flat postings (grouped by term, documents ascending within a term). */
  static encode(termOff: Uint32Array, docs: Uint32Array, imps: Uint8Array, docCount: number): PostingLists {
    const termCount = termOff.length - 1;
    const w = new ByteWriter(docs.length * 2 + 1024);
    const byteOff = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      let prev = 0;
      const a = termOff[t]!;
      const b = termOff[t + 1]!;
      for (let i = a; i < b; i++) {
        w.varint(docs[i]! - prev);
        prev = docs[i]!;
      }
      // Keyword postings (field qualifiers) all weigh the same: one byte for the list.
      let uniform = true;
      for (let i = a + 1; i < b && uniform; i++) uniform = imps[i] === imps[a];
      if (uniform && b > a) {
        w.byte(UNIFORM);
        w.byte(imps[a]!);
      } else {
        w.byte(EACH);
        w.raw(imps.subarray(a, b));
      }
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

  get(t: number): Postings {
    const n = this.df(t);
    if (n >= CACHE_FROM) {
      const hit = this.cache.get(t);
      if (hit) return hit;
    }
    const bytes = this.bytes;
    const from = this.byteOff[t]!;
    const end = this.byteOff[t + 1]!;
    // A gap takes a byte at least, and the impacts one more: checked before the list is allocated.
    if (n + 2 > end - from) throw damagedSnapshot(`postings of term ${t}`);
    const docs = new Uint32Array(n);
    const p = decodeGaps(bytes, from, end, docs, this.docCount);
    const kind = bytes[p];
    const ok = p >= 0 && (kind === UNIFORM ? p + 2 === end : kind === EACH && p + 1 + n === end);
    if (!ok) throw damagedSnapshot(`postings of term ${t}`);
    const imps = kind === UNIFORM ? new Uint8Array(n).fill(bytes[p + 1]!) : bytes.subarray(p + 1, end);
    let max = 0;
    for (let i = 0; i < imps.length; i++) if (imps[i]! > max) max = imps[i]!;
    const out = { docs, imps, max };
    if (n >= CACHE_FROM) this.cache.set(t, out, n);
    return out;
  }
}

/**
 * Decodes out.length varint gaps from bytes[from, end) into ascending documents; the position after
 * them, or -1 on damage (the bytes end first, a varint runs past 5 bytes, a document reaches `docCount`).
 * Inlined, not a reader call per gap: a list of a hundred thousand postings is decoded on a query's path.
 */
function decodeGaps(
  bytes: Uint8Array,
  from: number,
  end: number,
  out: Uint32Array,
  docCount: number,
): number {
  let p = from;
  let prev = 0;
  for (let i = 0; i < out.length; i++) {
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
