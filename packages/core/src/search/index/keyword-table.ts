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

  /** The keyword terms of a text under a key (e.g. FIELD_KEY.source and a source's name). */
  of(key: string, text: string): number[] {
    return this.ofBases(key, this.basesOf(text), []);
  }

  /** A keyword text's words as bases (see `of`): read once, then given to ofBases under several keys. */
  basesOf(text: string): number[] {
    const bases: number[] = [];
    this.words.scan(text, (base) => {
      bases.push(base);
    });
    return bases;
  }

  /** Appends to `out` the keyword terms under `key` of a text read by `basesOf`; `out`. */
  ofBases(key: string, bases: readonly number[], out: number[]): number[] {
    let table = this.byBase.get(key);
    if (!table) {
      table = new GrowableArray(Int32Array, 1024, -1);
      this.byBase.set(key, table);
    }
    for (const base of bases) {
      table.cover(base);
      let id = table.array[base]!;
      if (id < 0) {
        id = this.terms.idOf(key + this.bases[base]!);
        table.array[base] = id;
      }
      out.push(id);
    }
    return out;
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
      id = this.terms.idOf(key + this.terms.names[t]!);
      table.array[t] = id;
    }
    return id;
  }
}
