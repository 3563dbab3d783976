import { GrowableArray } from '../../binary/growable-array';
import type { WordTable } from '../analysis/word-table';

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

  /** Closes document d's list of texts. */
  endDocument(d: number): void {
    this.textOff[d + 1] = this.textIds.length;
  }
}
