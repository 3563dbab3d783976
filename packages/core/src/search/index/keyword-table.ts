import { GrowableArray } from '../../binary/growable-array';
import { WordTable } from '../analysis/word-table';
import type { TermDictionary } from './term-dictionary';

/**
 * Term ids of keyword terms (field qualifiers such as `section:`), as keywordTerms() names them: each
 * word of a keyword text is read by a word table of its own (so keyword texts add no surface words and
 * no plain terms), and a key's term for a word is looked up once, then read from a table by word.
 * Title and quote words map from their term ids, each once.
 */
export class KeywordTable {
  /** A keyword word's base: its term, or the word itself for a stop word ("The Who" stays findable). */
  private readonly bases: string[] = [];
  private readonly words = new WordTable((term, word) => this.bases.push(term || word) - 1);
  private readonly byBase = new Map<string, GrowableArray<Int32Array>>();
  private readonly byWord = new Map<string, GrowableArray<Int32Array>>();

  constructor(private readonly terms: TermDictionary) {}

  /**
   * The bases of the text `read` last: a scratch every keyword text is read into, not an array per
   * text (keyword texts come by the dozen per article: speakers, bylines, each entity's names).
   */
  private readonly lastRead = new GrowableArray(Int32Array, 64);
  private readonly pushBase = (base: number) => this.lastRead.push(base);

  /** The keyword terms of a text under a key (e.g. FIELD_KEY.source and a source's name), in an array of their own. */
  of(key: string, text: string): number[] {
    const out = new GrowableArray(Int32Array, 16);
    this.addTo(key, text, out);
    return Array.from(out.view());
  }

  /** Appends to `out` the keyword terms of a text under a key. */
  addTo(key: string, text: string, out: GrowableArray<Int32Array>): void {
    this.read(text);
    this.addRead(key, out);
  }

  /** Reads a keyword text's words as bases (see `of`): read once, then given to addRead under several keys. */
  read(text: string): void {
    this.lastRead.length = 0;
    this.words.scan(text, this.pushBase);
  }

  /** Appends to `out` the keyword terms under `key` of the text `read` last. */
  addRead(key: string, out: GrowableArray<Int32Array>): void {
    let table = this.byBase.get(key);
    if (!table) {
      table = new GrowableArray(Int32Array, 1024, -1);
      this.byBase.set(key, table);
    }
    const bases = this.lastRead.array;
    for (let i = 0; i < this.lastRead.length; i++) {
      const base = bases[i]!;
      table.cover(base);
      let id = table.array[base]!;
      if (id < 0) {
        id = this.terms.idOf(key + this.bases[base]!);
        table.array[base] = id;
      }
      out.push(id);
    }
  }

  /** The keyword term of word term t under a key (FIELD_KEY.title, FIELD_KEY.quote). */
  ofWord(key: string, t: number): number {
    // A typed table by term id, not an array: term ids arrive out of order, and an array written far
    // past its end turns into a dictionary (a hash lookup per title and quote word).
    let table = this.byWord.get(key);
    if (!table) {
      table = new GrowableArray(Int32Array, 1024, -1);
      this.byWord.set(key, table);
    }
    table.cover(t);
    let id = table.array[t]!;
    if (id < 0) {
      id = this.terms.idOf(key + this.terms.name(t));
      table.array[t] = id;
    }
    return id;
  }
}
