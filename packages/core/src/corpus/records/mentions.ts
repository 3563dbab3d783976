import type { Entity } from '../../model/entity-schema';
import type { ByteReader, ByteWriter } from '../../binary/varint';

// An entity's mentions in an article record. A mention nearly always starts a word of its block and is
// as long as one of the entity's names: stored as the step from the word of the mention before and the
// number of that name, both mostly one byte, where character offsets took two and a length.

type Mention = Entity['mentions'][number];

const zigzag = (v: number) => (v << 1) ^ (v >> 31);
const unzigzag = (v: number) => (v >>> 1) ^ -(v & 1);

/** Whether each ASCII code is a word character (an ASCII letter or digit); any non-ASCII one is (writer and reader agree). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/**
 * Where the words of each block start, found for a block when first asked. Every block's starts go to
 * one typed array (a block's are written at once, so they lie together), not an array of numbers per
 * block: scanning the blocks of every article with mentions is most of what writing mentions costs.
 * `reset` reuses it for another article's blocks.
 */
export class WordStarts {
  private blocks: readonly string[] = [];
  /** Block b's word starts are starts[from[b], to[b]); from[b] is -1 until b is scanned. */
  private from = new Int32Array(16);
  private to = new Int32Array(16);
  private starts = new Int32Array(256);
  private used = 0;

  constructor(blocks: readonly string[]) {
    this.reset(blocks);
  }

  /** Forgets the blocks scanned: the word starts of `blocks` from now on. */
  reset(blocks: readonly string[]): void {
    this.blocks = blocks;
    if (this.from.length < blocks.length) {
      this.from = new Int32Array(2 * blocks.length);
      this.to = new Int32Array(2 * blocks.length);
    }
    this.from.fill(-1, 0, blocks.length);
    this.used = 0;
  }

  /** Scans block b (a block of the text) into starts[used..]. */
  private scan(b: number): void {
    const text = this.blocks[b]!;
    // A block of n characters has at most n/2 + 1 word starts (and one slot is written past the last).
    if (this.starts.length < this.used + (text.length >>> 1) + 2) {
      const grown = new Int32Array(2 * (this.used + text.length) + 256);
      grown.set(this.starts.subarray(0, this.used));
      this.starts = grown;
    }
    const starts = this.starts;
    let n = this.used;
    let inWord = 0;
    // Without a branch per character (word starts come every few characters, unpredictably): i is
    // written at n each time and kept (n advanced) where a word starts.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const word = c < 128 ? ASCII_WORD[c]! : 1;
      starts[n] = i;
      n += word & (inWord ^ 1);
      inWord = word;
    }
    this.from[b] = this.used;
    this.to[b] = n;
    this.used = n;
  }

  /** The number of the word of block b that starts at `offset`, or -1. */
  wordAt(b: number, offset: number): number {
    if (!(b >= 0 && b < this.blocks.length)) return -1;
    if (this.from[b]! < 0) this.scan(b);
    const starts = this.starts;
    const first = this.from[b]!;
    let lo = first;
    let hi = this.to[b]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.to[b]! && starts[lo] === offset ? lo - first : -1;
  }

  /** Where word w of block b starts, or -1 past its words. */
  offsetOf(b: number, w: number): number {
    if (!(b >= 0 && b < this.blocks.length)) return -1;
    if (this.from[b]! < 0) this.scan(b);
    const at = this.from[b]! + w;
    return w >= 0 && at < this.to[b]! ? this.starts[at]! : -1;
  }
}

/** The lengths of an entity's name and aliases: a mention is nearly always one of them (98% on news). */
export const nameLengths = (e: Pick<Entity, 'name' | 'aliases'>): number[] => [
  e.name.length,
  ...e.aliases.map((a) => a.length),
];

/**
 * Mentions as varints: the block as a step from the mention before; the start as the step from the word
 * of the last mention that started one (times two), else as a step in characters (times two, plus one),
 * both from 0 in a new block; the length as k when it is the length of the entity's kth name, else the
 * number of names plus the length (zigzag). Mentions come in text order, so most steps take a byte.
 */
export function writeMentions(
  w: ByteWriter,
  ms: readonly Mention[],
  lengths: number[],
  words: WordStarts,
): void {
  let block = 0;
  let start = 0;
  let word = 0;
  for (const m of ms) {
    if (m.block !== block) {
      start = 0;
      word = 0;
    }
    w.varint(zigzag(m.block - block));
    const at = words.wordAt(m.block, m.start);
    if (at >= 0) {
      w.varint(zigzag(at - word) * 2);
      word = at;
    } else w.varint(zigzag(m.start - start) * 2 + 1);
    const k = lengths.indexOf(m.end - m.start);
    w.varint(k >= 0 ? k : lengths.length + zigzag(m.end - m.start));
    block = m.block;
    start = m.start;
  }
}

export function readMentions(r: ByteReader, count: number, lengths: number[], words: WordStarts): Mention[] {
  const out: Mention[] = [];
  let block = 0;
  let start = 0;
  let word = 0;
  for (let i = 0; i < count; i++) {
    const b = block + unzigzag(r.varint());
    if (b !== block) {
      start = 0;
      word = 0;
    }
    const p = r.varint();
    let s: number;
    if (p & 1) s = start + unzigzag(p >>> 1);
    else {
      word += unzigzag(p >>> 1);
      s = words.offsetOf(b, word);
      if (s < 0) throw new RangeError('a mention past its block');
    }
    const k = r.varint();
    out.push({
      block: b,
      start: s,
      end: s + (k < lengths.length ? lengths[k]! : unzigzag(k - lengths.length)),
    });
    block = b;
    start = s;
  }
  return out;
}
