import type { FacetColumn } from './search-index';
import { StringColumn } from '../../binary/string-column';

/** Builds a FacetColumn document by document: value ids by first sighting, each value once per document. */
export class ColumnBuilder {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  private lastDoc = new Int32Array(256).fill(-1);
  private val = new Uint32Array(1024);
  private count = 0;
  private readonly off: Uint32Array;

  constructor(n: number) {
    this.off = new Uint32Array(n + 1);
  }

  /** The id of a value (new values get the next id). */
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
      if (id === this.lastDoc.length) {
        const grown = new Int32Array(id * 2).fill(-1);
        grown.set(this.lastDoc);
        this.lastDoc = grown;
      }
    }
    return id;
  }

  /** Adds value id v to document d (documents in order; repeats within a document are dropped). */
  add(d: number, v: number): void {
    if (this.lastDoc[v] === d) return;
    this.lastDoc[v] = d;
    if (this.count === this.val.length) {
      const grown = new Uint32Array(this.count * 2);
      grown.set(this.val);
      this.val = grown;
    }
    this.val[this.count++] = v;
  }

  /** Closes document d. */
  end(d: number): void {
    this.off[d + 1] = this.count;
  }

  /** Value ids in the order they were first seen. */
  valueList(): readonly string[] {
    return this.values;
  }

  done(): FacetColumn {
    return { values: StringColumn.from(this.values), off: this.off, val: this.val.slice(0, this.count) };
  }
}
