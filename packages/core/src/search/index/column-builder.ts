import { GrowableArray } from '../../binary/growable-array';
import type { FacetColumn } from './search-index';
import type { StringColumn } from '../../binary/string-column';
import { InternTable } from '../../binary/intern-table';

/** A column built over a range of documents (numbered from 0), to be appended to another. */
export interface ColumnPart {
  /** Its values by id, as UTF-8 bytes (typed arrays: a message copies them whole, not a string at a time). */
  values: StringColumn;
  off: Uint32Array;
  val: Uint32Array;
}

/**
 * Builds a FacetColumn document by document: value ids by first sighting, each value once per document.
 * The values are an InternTable (their bytes and a table of their numbers in typed arrays), not a Map:
 * an analysis worker meets hundreds of thousands of entity ids, and a Map of them took 7-13% of its time.
 */
export class ColumnBuilder {
  private readonly ids = new InternTable(1 << 10);
  /** The document each value was last added to (-1: none yet), and the value ids by document. */
  private readonly lastDoc = new GrowableArray(Int32Array, 256, -1);
  private readonly val = new GrowableArray(Uint32Array);
  private readonly off: Uint32Array;

  constructor(n: number) {
    this.off = new Uint32Array(n + 1);
  }

  /** The id of a value (new values get the next id). */
  id(value: string): number {
    return this.numbered(this.ids.intern(value));
  }

  /** A value's id, its last document made addressable (-1 until it is added to one). */
  private numbered(id: number): number {
    if (id >= this.lastDoc.array.length) this.lastDoc.cover(id);
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

  part(): ColumnPart {
    return { values: this.ids.slice(0, this.ids.length), off: this.off, val: this.val.view() };
  }

  /**
   * Appends a part built over the documents after this one's (firstDoc on): its values take this
   * column's ids (new ones in the part's order of first sighting, as if built here); those ids, by
   * the part's value id.
   */
  append(p: ColumnPart, firstDoc: number): Uint32Array {
    const { bytes, off } = p.values;
    const ids = new Uint32Array(off.length - 1);
    for (let v = 0; v < ids.length; v++)
      ids[v] = this.numbered(this.ids.internBytes(bytes, off[v]!, off[v + 1]!));
    for (let d = 0; d + 1 < p.off.length; d++) {
      for (let j = p.off[d]!; j < p.off[d + 1]!; j++) this.val.push(ids[p.val[j]!]!);
      this.off[firstDoc + d + 1] = this.val.length;
    }
    return ids;
  }

  done(): FacetColumn {
    return { values: this.ids.column(), off: this.off, val: this.val.done() };
  }
}
