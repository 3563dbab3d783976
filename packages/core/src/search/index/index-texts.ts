import { GrowableArray } from '../../binary/growable-array';
import { InternTable } from '../../binary/intern-table';
import type { StringColumn } from '../../binary/string-column';
import type { WordTable } from '../analysis/word-table';

/** Texts as UTF-8 bytes and offsets (a StringColumn's fields): text i is bytes[off[i], off[i + 1]). */
export interface TextPiece {
  bytes: Uint8Array;
  off: Uint32Array;
}

/**
 * The texts of a range of documents (numbered from 0), to be appended to another's: each unique text of
 * the range once, so the thread appending a part posted by a worker needs no other copy of the range's
 * texts (sending it the whole range's texts as well as the worker sent them twice).
 */
export interface TextsPart {
  /** The part's unique texts, by the part's text id: pieces in order (posted as they were met). */
  texts: readonly TextPiece[];
  textOff: Uint32Array;
  textIds: Uint32Array;
  textField: Uint8Array;
  words: Int32Array;
  wordOff: Uint32Array;
}

/**
 * The unique stored texts, each analysed once into its words' term ids (-1 for a stop word): documents
 * sharing a text (syndicated or boilerplate paragraphs) reuse it, and the positional postings are built
 * from its words. The texts are kept as UTF-8 bytes (an InternTable), not strings in a Map: a million
 * paragraphs at 100k articles, which every full collection of a builder's heap traced and finishing
 * the index encoded again.
 */
export class IndexTexts {
  /** Like the entries, the largest arrays of an analysis: grown in place (see GrowableArray), not copied as they grow. */
  private readonly unique = new InternTable(1 << 12, true);
  /** Document d's texts are textIds[textOff[d]..textOff[d + 1]), text j in field textField[j]. */
  readonly textOff: Uint32Array;
  readonly textIds = new GrowableArray(Uint32Array, 1024, 0, true);
  readonly textField = new GrowableArray(Uint8Array, 1024, 0, true);
  /** Text id's words are words[wordOff[id]..wordOff[id + 1]). */
  readonly words = new GrowableArray(Int32Array, 1024, 0, true);
  readonly wordOff = new GrowableArray(Uint32Array, 1024, 0, true);

  /** Appends a word's term id, written into the array, not pushed (see GrowableArray.push): once a word. */
  private readonly pushWord = (t: number) => {
    const words = this.words;
    if (words.length === words.array.length) words.reserve(1);
    words.array[words.length++] = t;
  };

  constructor(
    documents: number,
    private readonly table: WordTable,
  ) {
    this.textOff = new Uint32Array(documents + 1);
    this.wordOff.push(0);
  }

  /** Adds a text of the current document in the given field; its id. */
  add(text: string, field: number): number {
    const known = this.unique.length;
    const id = this.unique.intern(text);
    if (id === known) {
      this.table.scan(text, this.pushWord);
      this.wordOff.push(this.words.length);
    }
    this.textIds.push(id);
    this.textField.push(field);
    return id;
  }

  /** How many unique texts it holds. */
  get count(): number {
    return this.unique.length;
  }

  /** Texts from..to-1, copied. */
  piece(from: number, to: number): TextPiece {
    return this.unique.slice(from, to);
  }

  /** Every text, by id (once: the table is spent after it). */
  column(): StringColumn {
    return this.unique.column();
  }

  /** The texts' part, with its texts from text `textsFrom` on (those before were posted already). */
  part(textsFrom = 0): TextsPart {
    return {
      texts: [this.piece(textsFrom, this.count)],
      textOff: this.textOff,
      textIds: this.textIds.view(),
      textField: this.textField.view(),
      words: this.words.view(),
      wordOff: this.wordOff.view(),
    };
  }

  /**
   * Appends the texts of documents firstDoc on, analysed apart (words as the part's term ids, mapped
   * by `terms`): a text already stored keeps its id, a new one is stored as if analysed here.
   */
  append(p: TextsPart, firstDoc: number, terms: Int32Array): void {
    const fresh = this.appendTexts(p, firstDoc);
    appendWords(this.words, this.wordOff, { ...p, fresh, terms });
  }

  /**
   * Appends the part's documents' texts but not the words of those new here: the part's texts new here
   * (PartWords' `fresh`), whose words are to follow the words of every text before them.
   */
  appendTexts(p: TextsPart, firstDoc: number): Uint32Array {
    const ids = new Uint32Array(p.texts.reduce((n, t) => n + t.off.length - 1, 0));
    const fresh = new GrowableArray(Uint32Array);
    let x = 0;
    for (const { bytes, off } of p.texts) {
      for (let i = 0; i + 1 < off.length; i++, x++) {
        const known = this.unique.length;
        const id = this.unique.internBytes(bytes, off[i]!, off[i + 1]!);
        if (id === known) fresh.push(x);
        ids[x] = id;
      }
    }
    for (let d = 0; d + 1 < p.textOff.length; d++) {
      for (let j = p.textOff[d]!; j < p.textOff[d + 1]!; j++) {
        this.textIds.push(ids[p.textIds[j]!]!);
        this.textField.push(p.textField[j]!);
      }
      this.textOff[firstDoc + d + 1] = this.textIds.length;
    }
    return fresh.done();
  }

  /** Room for `growth` times the texts and words it holds (see GrowableArray.projectGrowth). */
  projectGrowth(growth: number): void {
    this.unique.projectGrowth(growth);
    this.textIds.projectGrowth(growth);
    this.textField.projectGrowth(growth);
    this.words.projectGrowth(growth);
    this.wordOff.projectGrowth(growth);
  }

  /** Closes document d's list of texts. */
  endDocument(d: number): void {
    this.textOff[d + 1] = this.textIds.length;
  }
}

/** A part's words to append: those of its texts `fresh` (new to the index), its term ids mapped by `terms`. */
export interface PartWords {
  words: Int32Array;
  wordOff: Uint32Array;
  fresh: Uint32Array;
  terms: Int32Array;
}

/** Appends the words of a part's fresh texts, in order, to an index's words (IndexTexts.words, wordOff). */
export function appendWords(
  words: GrowableArray<Int32Array>,
  wordOff: GrowableArray<Uint32Array>,
  p: PartWords,
): void {
  for (let k = 0; k < p.fresh.length; k++) {
    const x = p.fresh[k]!;
    const from = p.wordOff[x]!;
    const length = p.wordOff[x + 1]! - from;
    words.reserve(length);
    const out = words.array;
    for (let i = 0, at = words.length; i < length; i++) {
      const t = p.words[from + i]!;
      out[at + i] = t < 0 ? t : p.terms[t]!;
    }
    words.length += length;
    wordOff.push(words.length);
  }
}
