import type { Entity } from '../../model/entity-schema';
import type { ByteReader, ByteWriter } from '../../binary/varint';

// An entity's mentions in an article record. A mention nearly always starts a word of its block and is
// as long as one of the entity's names: stored as the step from the word of the mention before and the
// number of that name, both mostly one byte, where character offsets took two and a length.

type Mention = Entity['mentions'][number];

const zigzag = (v: number) => (v << 1) ^ (v >> 31);
const unzigzag = (v: number) => (v >>> 1) ^ -(v & 1);

/** A word character: an ASCII letter or digit, or any other non-ASCII one (writer and reader agree). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80;
}

/** Where the words of each block start, found for a block when first asked. */
export class WordStarts {
  private readonly starts: Array<number[] | undefined> = [];

  constructor(private readonly blocks: readonly string[]) {}

  private of(b: number): number[] {
    let starts = this.starts[b];
    if (starts === undefined) {
      starts = [];
      const text = this.blocks[b] ?? '';
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const word = isWordChar(text.charCodeAt(i));
        if (word && !inWord) starts.push(i);
        inWord = word;
      }
      this.starts[b] = starts;
    }
    return starts;
  }

  /** The number of the word of block b that starts at `offset`, or -1. */
  wordAt(b: number, offset: number): number {
    const starts = this.of(b);
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return starts[lo] === offset ? lo : -1;
  }

  /** Where word w of block b starts, or -1 past its words. */
  offsetOf(b: number, w: number): number {
    return this.of(b)[w] ?? -1;
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
