import { keywordTerms } from '../analysis/keyword-terms';
import type { TermDictionary } from './term-dictionary';

/** Texts cached per key: short values (names, sections, tags) recur; a corpus of unique ones is not kept whole. */
const MAX_CACHED_TEXTS = 200_000;

/**
 * Term ids of keyword terms (field qualifiers such as `section:`): a key's short repeated texts are
 * cached, and title and quote words map from their term ids, each once.
 */
export class KeywordTable {
  private readonly byText = new Map<string, Map<string, number[]>>();
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly terms: TermDictionary) {}

  /** The keyword terms of a text under a key (e.g. FIELD_KEY.source and a source's name). */
  of(key: string, text: string): number[] {
    let cache = this.byText.get(key);
    if (!cache) {
      cache = new Map();
      this.byText.set(key, cache);
    }
    const known = cache.get(text);
    if (known) return known;
    const ids = keywordTerms(key, text).map(this.terms.idOf);
    if (cache.size < MAX_CACHED_TEXTS) cache.set(text, ids);
    return ids;
  }

  /** The keyword term of word term t under a key (FIELD_KEY.title, FIELD_KEY.quote). */
  ofWord(key: string, t: number): number {
    let table = this.byWord.get(key);
    if (!table) {
      table = [];
      this.byWord.set(key, table);
    }
    table[t] ??= this.terms.idOf(key + this.terms.names[t]!);
    return table[t];
  }
}
