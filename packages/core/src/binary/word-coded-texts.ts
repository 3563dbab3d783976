import { hashBytes } from './hash-bytes';
import type { BlockCheck } from './block-check';
import { damagedSnapshot } from './damaged-snapshot';
import { GrowableArray } from './growable-array';
import { decodeUtf8, StringColumn } from './string-column';

// Many texts stored as codes into one vocabulary of their tokens (runs of word bytes and runs of the
// others), the commonest tokens given the shortest codes: a corpus's paragraphs repeat a few hundred
// thousand words, which gzip (a 32 KB window) cannot share across the file, while one vocabulary can.
// A token's code is the varint of its rank by frequency (half of news tokens take one byte), and a
// single space between two words is left implied (de Moura et al.'s "spaceless words"). On news the
// texts take about a third of their UTF-8 bytes; a text decodes by copying its tokens' bytes.

/** Word bytes: ASCII letters and digits, and every byte of a non-ASCII character. */
const WORD = new Uint8Array(256);
for (let c = 0; c < 256; c++)
  WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 ? 1 : 0;
const SPACE = 0x20;
/** Tokens of one- and two-byte codes are decoded from slots of 16 bytes (WordCodedTexts.fillSlots). */
const SLOTTED = 128 + 128 * 128;
const SLOT = 16;
/** A slot's head for a token read from the vocabulary instead (too long, or empty in a damaged one). */
const LONG = 0x7f;

export class WordCodedTexts {
  private scratch: Uint8Array = new Uint8Array(1 << 12);
  private scratchView = new DataView(this.scratch.buffer);
  private slots: Slots | undefined;
  /** Where longCode's code ended. */
  private longEnd = 0;

  constructor(
    /** The tokens, most frequent first: the code of token r is the varint of r. */
    readonly vocab: StringColumn,
    /** Text i is the codes bytes[off[i], off[i + 1]). */
    readonly bytes: Uint8Array,
    readonly off: Uint32Array,
    /** For a snapshot's texts checked as they are read: the check of `bytes`. */
    private readonly check?: BlockCheck | undefined,
  ) {}

  static from(texts: readonly string[]): WordCodedTexts {
    return encodeTexts(StringColumn.from(texts));
  }

  /** The texts of a string column, coded. */
  static encode(texts: StringColumn): WordCodedTexts {
    return encodeTexts(texts);
  }

  get length(): number {
    return this.off.length - 1;
  }

  /** Text i; a code past the vocabulary or cut short throws a damaged-snapshot error. */
  at(i: number): string {
    const from = this.off[i]!;
    const to = this.off[i + 1]!;
    this.check?.check(from, to);
    const codes = this.bytes;
    const slots = this.slots ?? this.fillSlots();
    const { heads, rows } = slots;
    const slotted = heads.length;
    let out: Uint8Array = this.scratch;
    let view = this.scratchView;
    let n = 0;
    let lastWord = 0;
    for (let p = from; p < to; ) {
      // A one- or two-byte code (nearly all) is read without a branch on its length.
      const b0 = codes[p]!;
      const more = b0 >> 7;
      const b1 = codes[p + 1]! | 0;
      let r = (b0 & 0x7f) | (((b1 & 0x7f) * more) << 7);
      p += 1 + more;
      if (more & (b1 >> 7)) {
        r = this.longCode(r, p, to);
        p = this.longEnd;
      }
      if (p > to) throw damagedSnapshot('section texts.bytes');
      if (n + SLOT + 1 > out.length) {
        out = this.grow(n + SLOT + 1);
        view = this.scratchView;
      }
      const head = r < slotted ? heads[r]! : LONG;
      if (head !== LONG) {
        const word = head >> 7;
        out[n] = SPACE;
        n += word & lastWord;
        // The whole slot is copied, then n moves by the length: no branch that depends on the token.
        const row = r << 2;
        view.setUint32(n, rows[row]!, true);
        view.setUint32(n + 4, rows[row + 1]!, true);
        view.setUint32(n + 8, rows[row + 2]!, true);
        view.setUint32(n + 12, rows[row + 3]!, true);
        n += head & 0x1f;
        lastWord = word;
        continue;
      }
      if (r >= this.vocab.length) throw damagedSnapshot('section texts.bytes');
      const start = this.vocab.off[r]!;
      const end = this.vocab.off[r + 1]!;
      if (n + end - start + 1 > out.length) {
        out = this.grow(n + end - start + 1);
        view = this.scratchView;
      }
      const vocab = this.vocab.bytes;
      const word = WORD[vocab[start]!]!;
      if (word & lastWord) out[n++] = SPACE;
      for (let k = start; k < end; k++) out[n++] = vocab[k]!;
      lastWord = word;
    }
    return decodeUtf8(out, 0, n);
  }

  /** A code of three bytes or more: its first 14 bits `r`, the rest from codes[p] on (before `to`). */
  private longCode(r: number, p: number, to: number): number {
    let shift = 14;
    let c: number;
    do {
      if (p >= to || shift > 21) throw damagedSnapshot('section texts.bytes');
      c = this.bytes[p++]!;
      r |= (c & 0x7f) << shift;
      shift += 7;
    } while (c & 0x80);
    this.longEnd = p;
    return r;
  }

  /** The scratch buffer, grown to hold at least `size` bytes (keeping those written). */
  private grow(size: number): Uint8Array {
    const grown = new Uint8Array(2 * size);
    grown.set(this.scratch);
    this.scratch = grown;
    this.scratchView = new DataView(grown.buffer);
    return grown;
  }

  /**
   * The commonest tokens (those of one- and two-byte codes) each in a row of 16 bytes, with a head
   * saying its length and whether it is a word: decoding a text is mostly waiting for memory and
   * mispredicted branches, and a row is one read and four word copies whatever the token's length.
   */
  private fillSlots(): Slots {
    const count = Math.min(this.vocab.length, SLOTTED);
    const heads = new Uint8Array(count);
    const rows = new Uint32Array(count * (SLOT / 4));
    const bytes = new Uint8Array(rows.buffer);
    const { bytes: vocab, off } = this.vocab;
    for (let r = 0; r < count; r++) {
      const length = off[r + 1]! - off[r]!;
      if (length === 0 || length > SLOT) {
        heads[r] = LONG;
        continue;
      }
      heads[r] = (WORD[vocab[off[r]!]!]! << 7) | length;
      bytes.set(vocab.subarray(off[r]!, off[r + 1]!), r * SLOT);
    }
    this.slots = { heads, rows };
    return this.slots;
  }
}

/** The slotted tokens: rows of SLOT bytes (as words, little-endian) and their heads. */
interface Slots {
  heads: Uint8Array;
  rows: Uint32Array;
}

/** A hash table of the tokens met so far (open addressing on their bytes), with each one's count. */
class TokenTable {
  readonly bytes = new GrowableArray(Uint8Array, 1 << 16);
  readonly off = new GrowableArray(Uint32Array, 1 << 12);
  readonly counts = new GrowableArray(Uint32Array, 1 << 12);
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new GrowableArray(Uint32Array, 1 << 12);

  constructor() {
    this.off.push(0);
  }

  get size(): number {
    return this.off.length - 1;
  }

  /** The id of the token src[from, to), added if new; its count goes up by one. */
  id(src: Uint8Array, from: number, to: number): number {
    const h = hashBytes(src, from, to);
    const mask = this.slots.length - 1;
    const off = this.off.array;
    const bytes = this.bytes.array;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) return this.add(src, from, to, h, s);
      if (this.hashes.array[id] !== h || off[id + 1]! - off[id]! !== to - from) continue;
      let k = 0;
      while (k < to - from && bytes[off[id]! + k] === src[from + k]) k++;
      if (k === to - from) {
        this.counts.array[id]!++;
        return id;
      }
    }
  }

  private add(src: Uint8Array, from: number, to: number, h: number, slot: number): number {
    const id = this.size;
    this.bytes.reserve(to - from);
    this.bytes.array.set(src.subarray(from, to), this.bytes.length);
    this.bytes.length += to - from;
    this.off.push(this.bytes.length);
    this.hashes.push(h);
    this.counts.push(1);
    this.slots[slot] = id;
    if (2 * this.size > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = this.hashes.array[id]! & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = id;
    }
  }
}

/** Tokenizes every text (the spaces left implied dropped), then codes the tokens by rank of frequency. */
function encodeTexts(utf8: StringColumn): WordCodedTexts {
  const src = utf8.bytes;
  const table = new TokenTable();
  const ids = new GrowableArray(Uint32Array, 1 << 16);
  const tokenOff = new Uint32Array(utf8.off.length);
  for (let i = 0; i < utf8.length; i++) {
    const end = utf8.off[i + 1]!;
    let lastWord = false;
    for (let a = utf8.off[i]!; a < end; ) {
      const word = WORD[src[a]!]!;
      let b = a + 1;
      while (b < end && WORD[src[b]!] === word) b++;
      // A single space between two words is implied (the next run, if any, is a word).
      if (!word && lastWord && b === a + 1 && src[a] === SPACE && b < end) {
        lastWord = false;
        a = b;
        continue;
      }
      ids.push(table.id(src, a, b));
      lastWord = word === 1;
      a = b;
    }
    tokenOff[i + 1] = ids.length;
  }
  const rank = ranksByCount(table.counts.view());
  return new WordCodedTexts(vocabulary(table, rank), ...codes(ids.view(), tokenOff, rank));
}

/** Each token's rank: most frequent first, ties in the order first met. */
function ranksByCount(counts: Uint32Array): Uint32Array {
  const n = counts.length;
  let most = 0;
  for (let id = 0; id < n; id++) most = Math.max(most, counts[id]!);
  const byRank = new Uint32Array(n);
  if ((most + 1) * n < 2 ** 53) {
    // One number per token, sorted natively: (most - count) then id, both exact in a double.
    const keys = new Float64Array(n);
    for (let id = 0; id < n; id++) keys[id] = (most - counts[id]!) * n + id;
    keys.sort();
    for (let r = 0; r < n; r++) byRank[r] = keys[r]! % n;
  } else {
    for (let id = 0; id < n; id++) byRank[id] = id;
    byRank.sort((x, y) => counts[y]! - counts[x]! || x - y);
  }
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) rank[byRank[r]!] = r;
  return rank;
}

/** The tokens' bytes in rank order. */
function vocabulary(table: TokenTable, rank: Uint32Array): StringColumn {
  const byRank = new Uint32Array(rank.length);
  for (let id = 0; id < rank.length; id++) byRank[rank[id]!] = id;
  const off = new Uint32Array(rank.length + 1);
  const bytes = new Uint8Array(table.bytes.length);
  const from = table.off.array;
  for (let r = 0; r < rank.length; r++) {
    const id = byRank[r]!;
    bytes.set(table.bytes.array.subarray(from[id]!, from[id + 1]!), off[r]!);
    off[r + 1] = off[r]! + from[id + 1]! - from[id]!;
  }
  return new StringColumn(bytes, off);
}

/** The varint codes of each text's tokens, and where each text's codes start. */
function codes(ids: Uint32Array, tokenOff: Uint32Array, rank: Uint32Array): [Uint8Array, Uint32Array] {
  const out = new GrowableArray(Uint8Array, ids.length + (ids.length >> 1));
  const off = new Uint32Array(tokenOff.length);
  for (let i = 0; i + 1 < tokenOff.length; i++) {
    out.reserve(4 * (tokenOff[i + 1]! - tokenOff[i]!));
    const a = out.array;
    let o = out.length;
    for (let k = tokenOff[i]!; k < tokenOff[i + 1]!; k++) {
      let v = rank[ids[k]!]!;
      while (v >= 0x80) {
        a[o++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      a[o++] = v;
    }
    out.length = o;
    off[i + 1] = o;
  }
  return [out.done(), off];
}
