import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { LruCache } from '../../binary/lru-cache';
import { ByteReader, ByteWriter } from '../../binary/varint';

/** One term's postings: documents ascending, and the BM25F saturation (0..255) in each. */
export interface Postings {
  docs: Uint32Array;
  imps: Uint8Array;
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
    const r = new ByteReader(this.bytes, this.byteOff[t]!, this.byteOff[t + 1]!);
    if (n + 2 > r.end - r.p) throw damagedSnapshot(`postings of term ${t}`);
    const docs = new Uint32Array(n);
    let prev = 0;
    try {
      for (let i = 0; i < n; i++) {
        prev += r.varint();
        docs[i] = prev;
      }
    } catch {
      throw damagedSnapshot(`postings of term ${t}`);
    }
    const kind = this.bytes[r.p];
    const ok = kind === UNIFORM ? r.p + 2 === r.end : kind === EACH && r.p + 1 + n === r.end;
    if (!ok || prev >= this.docCount) throw damagedSnapshot(`postings of term ${t}`);
    const imps =
      kind === UNIFORM ? new Uint8Array(n).fill(this.bytes[r.p + 1]!) : this.bytes.subarray(r.p + 1, r.end);
    const out = { docs, imps };
    if (n >= CACHE_FROM) this.cache.set(t, out, n);
    return out;
  }
}
