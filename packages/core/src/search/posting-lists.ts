import { damagedSnapshot } from './damaged-snapshot';
import { LruCache } from './lru-cache';
import { ByteReader, ByteWriter } from './varint';

/** One term's postings: documents ascending, and the BM25F saturation (0..255) in each. */
export interface Postings {
  docs: Uint32Array;
  imps: Uint8Array;
}

// Lists this long are worth keeping decoded; shorter ones decode faster than a cache lookup costs.
const CACHE_FROM = 64;
const CACHE_POSTINGS = 8_000_000;

/**
 * Every term's postings in one buffer: document gaps as varints, then one impact byte per document.
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
    const T = termOff.length - 1;
    const w = new ByteWriter(docs.length * 2 + 1024);
    const byteOff = new Uint32Array(T + 1);
    for (let t = 0; t < T; t++) {
      let prev = 0;
      const a = termOff[t]!;
      const b = termOff[t + 1]!;
      for (let i = a; i < b; i++) {
        w.varint(docs[i]! - prev);
        prev = docs[i]!;
      }
      w.raw(imps.subarray(a, b));
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
    if (2 * n > r.end - r.p) throw damagedSnapshot(`postings of term ${t}`);
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
    if (r.p + n !== r.end || prev >= this.docCount) throw damagedSnapshot(`postings of term ${t}`);
    const out = { docs, imps: this.bytes.subarray(r.p, r.end) };
    if (n >= CACHE_FROM) this.cache.set(t, out, n);
    return out;
  }
}
