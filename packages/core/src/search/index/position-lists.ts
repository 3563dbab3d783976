import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { GrowableArray } from '../../binary/growable-array';
import { LruCache } from '../../binary/lru-cache';
import { ByteReader, ByteWriter } from '../../binary/varint';

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
const CACHE_POSITIONS = 8_000_000;
/** Text ids kept decoded on their own (for lists whose positions are not asked for). */
const CACHE_TEXTS = 4_000_000;

/**
 * Positional postings over the stored texts (titles, standfirsts, body blocks), not documents: a text
 * shared by many documents (a syndicated paragraph) is listed once, and a phrase never spans two texts.
 * Positions count every word, stop words included, so "Bank of England" keeps its gap.
 */
export class PositionLists {
  private readonly cache = new LruCache<TermPositions>(CACHE_POSITIONS);
  private readonly textCache = new LruCache<Uint32Array>(CACHE_TEXTS);

  constructor(
    readonly byteOff: Uint32Array,
    readonly bytes: Uint8Array,
    /** Stored texts are numbered below this. */
    readonly textCount: number,
  ) {}

  /**
   * From each unique text's words as term ids (`seq`, -1 for a stop word; text x is
   * seq[seqOff[x], seqOff[x+1])), with `rank` mapping a term id to its dictionary index.
   */
  static build(seq: Int32Array, seqOff: Uint32Array, rank: Uint32Array, terms: number): PositionLists {
    const nTexts = seqOff.length - 1;
    const pairs = new Uint32Array(terms + 1);
    const count = new Uint32Array(terms + 1);
    const last = new Int32Array(terms).fill(-1);
    for (let x = 0; x < nTexts; x++) {
      for (let i = seqOff[x]!; i < seqOff[x + 1]!; i++) {
        const raw = seq[i]!;
        if (raw < 0) continue;
        const k = rank[raw]!;
        if (last[k] !== x) {
          last[k] = x;
          pairs[k + 1]!++;
        }
        count[k + 1]!++;
      }
    }
    for (let k = 0; k < terms; k++) {
      pairs[k + 1]! += pairs[k]!;
      count[k + 1]! += count[k]!;
    }
    const pairFill = pairs.slice(0, terms);
    const posFill = count.slice(0, terms);
    const pairText = new Uint32Array(pairs[terms]!);
    const pairLen = new Uint32Array(pairs[terms]!);
    const pos = new Uint32Array(count[terms]!);
    last.fill(-1);
    for (let x = 0; x < nTexts; x++) {
      const base = seqOff[x]!;
      for (let i = base; i < seqOff[x + 1]!; i++) {
        const raw = seq[i]!;
        if (raw < 0) continue;
        const k = rank[raw]!;
        if (last[k] !== x) {
          last[k] = x;
          pairText[pairFill[k]!++] = x;
        }
        pairLen[pairFill[k]! - 1]!++;
        pos[posFill[k]!++] = i - base;
      }
    }
    const w = new ByteWriter(pos.length * 2 + pairText.length * 2 + 1024);
    const byteOff = new Uint32Array(terms + 1);
    let p = 0;
    for (let k = 0; k < terms; k++) {
      const a = pairs[k]!;
      const b = pairs[k + 1]!;
      if (b > a) {
        w.varint(b - a);
        let prev = 0;
        for (let j = a; j < b; j++) {
          w.varint(pairText[j]! - prev);
          prev = pairText[j]!;
        }
        for (let j = a; j < b; j++) {
          const len = pairLen[j]!;
          w.varint(len);
          let q = 0;
          for (let e = p + len; p < e; p++) {
            w.varint(pos[p]! - q);
            q = pos[p]!;
          }
        }
      }
      byteOff[k + 1] = w.length;
    }
    return new PositionLists(byteOff, w.done(), nTexts);
  }

  get(t: number): TermPositions {
    const from = this.byteOff[t]!;
    const to = this.byteOff[t + 1]!;
    if (from === to) return EMPTY;
    const hit = this.cache.get(t);
    if (hit) return hit;
    let out: TermPositions;
    try {
      out = this.decode(new ByteReader(this.bytes, from, to));
    } catch {
      throw damagedSnapshot(`positions of term ${t}`);
    }
    this.cache.set(t, out, out.texts.length + out.pos.length);
    return out;
  }

  /**
   * The texts holding term t (ascending) without its positions: they come first in its bytes, so the
   * positions are not read (what snippets and a one-word phrase need).
   */
  texts(t: number): Uint32Array {
    const from = this.byteOff[t]!;
    const to = this.byteOff[t + 1]!;
    if (from === to) return EMPTY.texts;
    const hit = this.cache.get(t)?.texts ?? this.textCache.get(t);
    if (hit) return hit;
    let texts: Uint32Array;
    try {
      texts = this.decodeTexts(new ByteReader(this.bytes, from, to));
    } catch {
      throw damagedSnapshot(`positions of term ${t}`);
    }
    this.textCache.set(t, texts, texts.length);
    return texts;
  }

  /** The count and text ids at the start of a term's bytes, the reader left on its positions. */
  private decodeTexts(r: ByteReader): Uint32Array {
    const n = r.varint();
    if (n > r.end - r.p) throw new RangeError('damaged');
    const texts = new Uint32Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      prev += r.varint();
      texts[i] = prev;
    }
    if (n > 0 && prev >= this.textCount) throw new RangeError('damaged');
    return texts;
  }

  private decode(r: ByteReader): TermPositions {
    const texts = this.decodeTexts(r);
    const n = texts.length;
    const posOff = new Uint32Array(n + 1);
    const pos = new GrowableArray(Uint32Array, n);
    for (let i = 0; i < n; i++) {
      const len = r.varint();
      if (len > r.end - r.p) throw new RangeError('damaged');
      pos.reserve(len);
      const out = pos.array;
      let k = pos.length;
      let q = 0;
      for (let j = 0; j < len; j++) {
        q += r.varint();
        out[k++] = q;
      }
      pos.length = k;
      posOff[i + 1] = k;
    }
    if (r.p !== r.end) throw new RangeError('damaged');
    return { texts, posOff, pos: pos.view() };
  }
}
