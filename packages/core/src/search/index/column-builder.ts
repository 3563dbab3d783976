import { GrowableArray } from '../../binary/growable-array';
import type { FacetColumn } from './search-index';
import { StringColumn } from '../../binary/string-column';

/** A column built over a range of documents (numbered from 0), to be appended to another. */
export interface ColumnPart {
  values: readonly string[];
  off: Uint32Array;
  val: Uint32Array;
}

/** Builds a FacetColumn document by document: value ids by first sighting, each value once per document. */
export class ColumnBuilder {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  /** The document each value was last added to (-1: none yet), and the value ids by document. */
  private readonly lastDoc = new GrowableArray(Int32Array, 256, -1);
  private readonly val = new GrowableArray(Uint32Array);
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
      this.lastDoc.cover(id);
    }
    return id;
  }

  /** Adds value id v to document d (documents in order; repeats within a document are dropped). */
  add(d: number, v: number): void {
    if (this.lastDoc.array[v] === d) return;
    this.lastDoc.array[v] = d;
    this.val.push(v);
  }

  /** Closes document d. */
  end(d: number): void {
    this.off[d + 1] = this.val.length;
  }

  /** Value ids in the order they were first seen. */
  valueList(): readonly string[] {
    return this.values;
  }

  part(): ColumnPart {
    return { values: this.values, off: this.off, val: this.val.view() };
  }

  /**
   * Appends a part built over the documents after this one's (firstDoc on): its values take this
   * column's ids (new ones in the part's order of first sighting, as if built here); those ids, by
   * the part's value id.
   */
  append(p: ColumnPart, firstDoc: number): Uint32Array {
    const ids = Uint32Array.from(p.values, (value) => this.id(value));
    for (let d = 0; d + 1 < p.off.length; d++) {
      for (let j = p.off[d]!; j < p.off[d + 1]!; j++) this.val.push(ids[p.val[j]!]!);
      this.off[firstDoc + d + 1] = this.val.length;
    }
    return ids;
  }

  done(): FacetColumn {
    return { values: StringColumn.from(this.values), off: this.off, val: this.val.done() };
  }
}
