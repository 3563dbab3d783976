import { ASCII_WORD_CHAR, forEachWordSpan, termOfWord } from './analyze';
import { fold } from './fold';
import { GrowableArray } from '../../binary/growable-array';

/**
 * Folded word -> term id for index building, without allocating a string per word: words are hashed
 * while scanning and compared in place; only a word seen for the first time is sliced and analysed.
 * `termId(term, word)` numbers a new word's term (`term` is '' for a stop word); -1 leaves it out.
 */
export class WordTable {
  private mask = (1 << 16) - 1;
  private slots = new Int32Array(1 << 16).fill(-1);
  private words: string[] = [];
  private readonly hashes = new GrowableArray(Int32Array, 1 << 15);
  private ids: number[] = [];

  constructor(private readonly termId: (term: string, word: string) => number) {}

  private insert(word: string, hash: number): number {
    const id = this.termId(termOfWord(word), word);
    this.add(word, hash, id);
    return id;
  }

  private add(word: string, hash: number, id: number): void {
    const w = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.ids.push(id);
    if (this.words.length * 2 > this.mask) this.grow();
    else this.place(w, hash);
  }

  private place(w: number, hash: number) {
    let s = hash & this.mask;
    while (this.slots[s] !== -1) s = (s + 1) & this.mask;
    this.slots[s] = w;
  }

  private grow() {
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(this.mask + 1).fill(-1);
    for (let w = 0; w < this.words.length; w++) this.place(w, this.hashes.array[w]!);
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const w = this.slots[s]!;
      if (w === -1) return this.insert(lowerWord(text.slice(start, end)), hash);
      if (this.hashes.array[w] !== hash) continue;
      const word = this.words[w]!;
      if (word.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) {
          same = false;
          break;
        }
      }
      if (same) return this.ids[w]!;
    }
  }

  /** Adds a folded word with its term id, unless known (words analysed apart, e.g. by a worker). */
  adopt(word: string, id: number): void {
    const hash = hashOf(word, 0, word.length);
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const w = this.slots[s]!;
      if (w === -1) break;
      if (this.hashes.array[w] === hash && this.words[w] === word) return;
    }
    this.add(word, hash, id);
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

  /** scan of ASCII text: forEachWordSpan's words are the runs of letters and digits; hashed while found. */
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
      do {
        h = Math.imul(h ^ lower(c), 16777619);
        c = text.charCodeAt(++i);
      } while (i < n && ASCII_WORD_CHAR[c] === 1);
      onId(this.lookup(text, start, i, h));
    }
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

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
