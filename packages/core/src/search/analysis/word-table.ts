import { ASCII_WORD_CHAR, forEachWordSpan, termOfWord } from './analyze';
import { fold } from './fold';
import { GrowableArray } from '../../binary/growable-array';

/**
 * Folded word -> term id for index building, without allocating a string per word: words are hashed
 * while scanning and compared in place; only a word seen for the first time is sliced and analysed.
 * `termId(term, word)` numbers a new word's term (`term` is '' for a stop word); -1 leaves it out.
 */
export class WordTable {
  /**
   * Open addressing, SLOT ints a slot: the word's hash, its term id, where its characters start in
   * `chars` and its length (-1: the slot is empty). A word is found in its slot and its characters
   * compared in the pool: at 100k articles the table outgrows the caches, and a word kept as a string
   * (a slot, then its hash, its string and its id each in an array of their own) cost a cache miss at
   * every step.
   */
  private mask = (1 << 16) - 1;
  private slots = emptySlots(1 << 16);
  private chars = new GrowableArray(Uint16Array, 1 << 16);
  /** Words and their ids in the order first seen (entries). */
  private words: string[] = [];
  private ids: number[] = [];
  /**
   * The word of 8 ASCII characters or fewer met last in each of FRONT_SIZE places (by hash): its
   * characters a byte each, and its term id. 96 KB, which the core's own cache holds, where
   * the table outgrows it: three words in four of news text are found here (a one-thread analysis of news
   * 50k, in turns: 14.0 -> 13.0 s on average over six pairs). An id never changes once given, so a word
   * found here is the table's.
   */
  private readonly front = new Int32Array(FRONT_SIZE * FRONT_SLOT);

  constructor(private readonly termId: (term: string, word: string) => number) {}

  private insert(word: string, hash: number): number {
    const id = this.termId(termOfWord(word), word);
    this.add(word, hash, id);
    return id;
  }

  private add(word: string, hash: number, id: number): void {
    this.words.push(word);
    this.ids.push(id);
    const off = this.chars.length;
    for (let i = 0; i < word.length; i++) this.chars.push(word.charCodeAt(i));
    if (this.words.length * 2 > this.mask) this.grow();
    this.place(this.slots, this.mask, hash, id, off, word.length);
  }

  private place(slots: Int32Array, mask: number, hash: number, id: number, off: number, len: number) {
    let s = hash & mask;
    while (slots[s * SLOT + LEN] !== -1) s = (s + 1) & mask;
    const at = s * SLOT;
    slots[at] = hash;
    slots[at + ID] = id;
    slots[at + OFF] = off;
    slots[at + LEN] = len;
  }

  private grow() {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = emptySlots(this.mask + 1);
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at + LEN] !== -1)
        this.place(this.slots, this.mask, old[at]!, old[at + ID]!, old[at + OFF]!, old[at + LEN]!);
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const at = this.find(text, start, end, hash);
    return at >= 0 ? this.slots[at + ID]! : this.insert(lowerWord(text.slice(start, end)), hash);
  }

  /**
   * The slot (its first int) holding text[start, end) lowered (see lower), or -1. A folded word is its
   * own lowering, so adopt finds words with it too.
   */
  private find(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    const slots = this.slots;
    const chars = this.chars.array;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const at = s * SLOT;
      const wordLen = slots[at + LEN]!;
      if (wordLen === -1) return -1;
      if (slots[at] !== hash || wordLen !== len) continue;
      const off = slots[at + OFF]!;
      let i = 0;
      while (i < len && chars[off + i] === lower(text.charCodeAt(start + i))) i++;
      if (i === len) return at;
    }
  }

  /** Adds a folded word with its term id, unless known (words analysed apart, e.g. by a worker). */
  adopt(word: string, id: number): void {
    const hash = hashOf(word, 0, word.length);
    if (this.find(word, 0, word.length, hash) < 0) this.add(word, hash, id);
  }

  /** Every word seen that has a term id, with it. */
  entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (let w = 0; w < this.words.length; w++)
      if (this.ids[w]! >= 0) out.push([this.words[w]!, this.ids[w]!]);
    return out;
  }

  /** Calls onId(termId) for each word of the text (-1 for a stop word). */
  scan(raw: string, onId: (id: number) => void): void {
    // ASCII text folds to its lower case: read as it stands, each letter lowered as it is hashed and
    // compared, rather than copied lowered first (a copy of every text the index reads).
    const ascii = !NON_ASCII.test(raw);
    const text = ascii ? raw : fold(raw);
    if (ascii || !NON_ASCII.test(text)) {
      this.scanAscii(text, onId);
      return;
    }
    forEachWordSpan(text, (start, end) => {
      onId(this.lookup(text, start, end, hashOf(text, start, end)));
      return undefined;
    });
  }

  /**
   * scan of ASCII text: forEachWordSpan's words are the runs of letters and digits; hashed while found.
   * No code unit is read past the text's end: charCodeAt there gives NaN, and a loop that may see NaN
   * is compiled for doubles, not small integers (the word scan took 7.7 ns a character that way, 4.7
   * without: a third of an analysis worker's time is this scan).
   */
  private scanAscii(text: string, onId: (id: number) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (ASCII_WORD_CHAR[c] !== 1) {
        i++;
        continue;
      }
      const start = i;
      let h = 0x811c9dc5;
      // The word's first 8 lowered characters, a byte each. Each is a byte of 48 or more, so a word of 8
      // or fewer is these bytes alone: its length is where they stop, and no word packs to 0, 0 (an
      // empty place of the front).
      let lo = 0;
      let hi = 0;
      // An ASCII word character's lower case is c | 32: a letter's, and a digit's own (bit 5 is set).
      for (;;) {
        const k = i - start;
        if (k < 4) lo |= (c | 32) << (8 * k);
        else if (k < 8) hi |= (c | 32) << (8 * (k - 4));
        h = Math.imul(h ^ (c | 32), 16777619);
        if (++i === n) break;
        c = text.charCodeAt(i);
        if (ASCII_WORD_CHAR[c] !== 1) break;
      }
      onId(i - start > 8 ? this.lookup(text, start, i, h) : this.lookupShort(text, start, i, h, lo, hi));
    }
  }

  /** lookup of a word of 8 characters or fewer (lo, hi: its characters, as scanAscii packs them), through the front. */
  private lookupShort(
    text: string,
    start: number,
    end: number,
    hash: number,
    lo: number,
    hi: number,
  ): number {
    const front = this.front;
    const f = (hash & FRONT_MASK) * FRONT_SLOT;
    if (front[f] === lo && front[f + 1] === hi) return front[f + 2]!;
    const id = this.lookup(text, start, end, hash);
    front[f] = lo;
    front[f + 1] = hi;
    front[f + 2] = id;
    return id;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The front's places (a power of two), and its ints a place: characters 0-3, characters 4-7, term id. */
const FRONT_SIZE = 1 << 13;
const FRONT_MASK = FRONT_SIZE - 1;
const FRONT_SLOT = 3;

/** A slot's ints: hash, term id, start of the characters, length (-1 when empty). */
const SLOT = 4;
const ID = 1;
const OFF = 2;
const LEN = 3;

function emptySlots(n: number): Int32Array {
  const slots = new Int32Array(n * SLOT);
  for (let at = LEN; at < slots.length; at += SLOT) slots[at] = -1;
  return slots;
}

/**
 * An ASCII capital's lower case, any other code unit as it is: a no-op on folded text, which holds no
 * ASCII capital (fold lowers it, and its normalizations never make one).
 */
const lower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

/** A word with its ASCII capitals lowered (only ASCII text scanned as it stands has any). */
const lowerWord = (word: string) => (ASCII_CAPITAL.test(word) ? word.toLowerCase() : word);
const ASCII_CAPITAL = /[A-Z]/;

/** FNV-1a over text[start, end) code units, lowered (see lower). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lower(text.charCodeAt(i)), 16777619);
  return h;
}
