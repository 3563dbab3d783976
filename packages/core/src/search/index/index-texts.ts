import { GrowableArray } from '../../binary/growable-array';
import type { WordTable } from '../analysis/word-table';

/** The texts of a range of documents (numbered from 0), to be appended to another's. */
export interface TextsPart {
  texts: readonly string[];
  textOff: Uint32Array;
  textIds: Uint32Array;
  textField: Uint8Array;
  words: Int32Array;
  wordOff: Uint32Array;
}

/**
 * The unique stored texts, each analysed once into its words' term ids (-1 for a stop word): documents
 * sharing a text (syndicated or boilerplate paragraphs) reuse it, and the positional postings are built
 * from its words.
 */
export class IndexTexts {
  readonly texts: string[] = [];
  /** Document d's texts are textIds[textOff[d]..textOff[d + 1]), text j in field textField[j]. */
  readonly textOff: Uint32Array;
  readonly textIds = new GrowableArray(Uint32Array);
  readonly textField = new GrowableArray(Uint8Array);
  /** Text id's words are words[wordOff[id]..wordOff[id + 1]). */
  readonly words = new GrowableArray(Int32Array);
  readonly wordOff = new GrowableArray(Uint32Array);

  private readonly idOf = new Map<string, number>();
  private readonly pushWord = (t: number) => this.words.push(t);

  constructor(
    documents: number,
    private readonly table: WordTable,
  ) {
    this.textOff = new Uint32Array(documents + 1);
    this.wordOff.push(0);
  }

  /** Adds a text of the current document in the given field; its id. */
  add(text: string, field: number): number {
    let id = this.idOf.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.idOf.set(text, id);
      this.table.scan(text, this.pushWord);
      this.wordOff.push(this.words.length);
    }
    this.textIds.push(id);
    this.textField.push(field);
    return id;
  }

  part(): TextsPart {
    const { texts, textOff } = this;
    return {
      texts,
      textOff,
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
    const ids = new Uint32Array(p.texts.length);
    for (let x = 0; x < p.texts.length; x++) {
      const text = p.texts[x]!;
      let id = this.idOf.get(text);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(text);
        this.idOf.set(text, id);
        const from = p.wordOff[x]!;
        const length = p.wordOff[x + 1]! - from;
        this.words.reserve(length);
        const words = this.words.array;
        for (let i = 0, at = this.words.length; i < length; i++) {
          const t = p.words[from + i]!;
          words[at + i] = t < 0 ? t : terms[t]!;
        }
        this.words.length += length;
        this.wordOff.push(this.words.length);
      }
      ids[x] = id;
    }
    for (let d = 0; d + 1 < p.textOff.length; d++) {
      for (let j = p.textOff[d]!; j < p.textOff[d + 1]!; j++) {
        this.textIds.push(ids[p.textIds[j]!]!);
        this.textField.push(p.textField[j]!);
      }
      this.textOff[firstDoc + d + 1] = this.textIds.length;
    }
  }

  /** Closes document d's list of texts. */
  endDocument(d: number): void {
    this.textOff[d + 1] = this.textIds.length;
  }
}
