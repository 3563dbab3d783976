import type { Entity } from '../../model/entity-schema';
import { GrowableArray, uncountedArray } from '../../binary/growable-array';
import { ByteWriter } from '../../binary/varint';
import { InternTable } from '../../binary/intern-table';
import type { StringColumn } from '../../binary/string-column';
import type { CompactWriter } from './compact-values';
import type { EntityHead } from './pack-article';

// An entity's head (its fields but its mentions: id, name, type, aliases...) recurs across articles: the
// records store each once, grouped by entity id. Entity ids are numbered by first sighting, document by
// document, and each document lists its distinct ids in order: exactly the index's entities column, so a
// snapshot stores that list once (the column) and a record names an entity by its place in its document's
// list and its variant among its id's heads, mostly 0 and 0 bytes: not by a head number of 20 bits.
// A head leaves out its id (the column's value), unless the id is not its first field.

/**
 * Each document's distinct entity ids (value numbers), in order: document d's are val[off[d], off[d+1]);
 * value v is the id `values.at(v)` (the shape of the index's entities column).
 */
export interface EntityValues {
  values: StringColumn;
  off: Uint32Array;
  val: Uint32Array;
}

/** A stored head with its id (value v's) back in front, if it was left out. */
export function fullHead(stored: Record<string, unknown>, id: () => string): EntityHead {
  return ('id' in stored ? stored : { id: id(), ...stored }) as EntityHead;
}

/** The head table: head h is headBytes[headOff[h], headOff[h+1]), the heads of value v are valueHeadOff[v].. */
export interface EntityHeads {
  headOff: Uint32Array;
  headBytes: Uint8Array;
  valueHeadOff: Uint32Array;
  values: EntityValues;
}

/** An entity's fields that are not its head. */
const MENTIONS: ReadonlySet<string> = new Set(['mentions', 'demonymMentions']);
/** Those and its id: a head is stored without its id when the id is its first field (the reader puts it back first). */
const MENTIONS_AND_ID: ReadonlySet<string> = new Set(['mentions', 'demonymMentions', 'id']);

/**
 * Builds the head table and each document's entity ids, document by document. It is built on the
 * thread holding the articles, beside a heap the garbage collector traces for seconds at a time: ids,
 * variants and their bytes live in typed arrays (the ids in an InternTable), not in Maps and objects
 * that stay alive to the end and are traced on every full collection (a million of them at 100k), and
 * those arrays grow in place, outside V8's count of external memory (see GrowableArray), whose every
 * 64 MB would start such a collection.
 */
export class EntityHeadsBuilder {
  /** The entity ids, numbered by first sighting: value v is id v. */
  private readonly ids = new InternTable(1 << 12, true);
  /** Each value's first and last variant (head numbers in the order met), -1 for none yet. */
  private readonly first = new GrowableArray(Int32Array, 1 << 12, -1, true);
  private readonly last = new GrowableArray(Int32Array, 1 << 12, -1, true);
  /** The next variant of the same value, -1 after its last. */
  private readonly next = new GrowableArray(Int32Array, 1 << 12, -1, true);
  /** Head h (numbered as met) is bytes[at[h], at[h+1]) (laid out by value at the end). */
  private readonly at = new GrowableArray(Uint32Array, 1 << 12, 0, true);
  /** The document each value was last listed in (-1: none yet). */
  private readonly lastDoc = new GrowableArray(Int32Array, 1 << 12, -1, true);
  private readonly val = new GrowableArray(Uint32Array, 1024, 0, true);
  private readonly off: Uint32Array;
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 16, 0, true);
  /** The head of the entity being added. */
  private readonly scratch = new ByteWriter(1 << 10);
  private docStart = 0;

  constructor(
    documents: number,
    private readonly writer: CompactWriter,
  ) {
    this.off = new Uint32Array(documents + 1);
    this.at.push(0);
  }

  /** Entity e of document d (documents in order): its place in d's list of ids, and its variant's number. */
  add(d: number, e: Entity): [place: number, variant: number] {
    const v = this.ids.intern(e.id);
    this.lastDoc.cover(v);
    let place: number;
    if (this.lastDoc.array[v] !== d) {
      this.lastDoc.array[v] = d;
      place = this.val.length - this.docStart;
      this.val.push(v);
    } else place = this.val.array.subarray(this.docStart, this.val.length).indexOf(v);
    return [place, this.variant(v, e)];
  }

  endDocument(d: number): void {
    this.off[d + 1] = this.val.length;
    this.docStart = this.val.length;
  }

  /**
   * The number of e's head among value v's (a new one is added): the head written as it would be stored,
   * compared with each of v's by its bytes (the same strings have the same numbers in the writer).
   */
  private variant(v: number, e: Entity): number {
    const scratch = this.scratch;
    scratch.clear();
    this.writer.writeWithout(e, idFirst(e) ? MENTIONS_AND_ID : MENTIONS, scratch);
    this.first.cover(v);
    this.last.cover(v);
    const at = this.at.array;
    let k = 0;
    for (let h = this.first.array[v]!; h >= 0; h = this.next.array[h]!, k++)
      if (scratch.equals(this.bytes.array, at[h]!, at[h + 1]!)) return k;
    const h = this.at.length - 1;
    const written = scratch.view();
    this.bytes.reserve(written.length);
    this.bytes.array.set(written, this.bytes.length);
    this.bytes.length += written.length;
    this.at.push(this.bytes.length);
    this.next.cover(h);
    if (this.last.array[v]! >= 0) this.next.array[this.last.array[v]!] = h;
    else this.first.array[v] = h;
    this.last.array[v] = h;
    return k;
  }

  /** The heads laid out by value (each value's in the order they were met). */
  done(): EntityHeads {
    const written = this.bytes.view();
    const at = this.at.array;
    const values = this.ids.length;
    const heads = this.at.length - 1;
    const headBytes = uncountedArray(Uint8Array, this.bytes.length);
    const valueHeadOff = uncountedArray(Uint32Array, values + 1);
    const headOff = uncountedArray(Uint32Array, heads + 1);
    let to = 0;
    let n = 0;
    for (let v = 0; v < values; v++) {
      for (let h = this.first.array[v]!; h >= 0; h = this.next.array[h]!) {
        headBytes.set(written.subarray(at[h]!, at[h + 1]!), to);
        to += at[h + 1]! - at[h]!;
        headOff[++n] = to;
      }
      valueHeadOff[v + 1] = n;
    }
    return {
      headOff,
      headBytes,
      valueHeadOff,
      values: { values: this.ids.column(), off: this.off, val: this.val.done() },
    };
  }
}

/** Whether e's first field but its mentions is its id (its head is then stored without it). */
function idFirst(e: Entity): boolean {
  for (const k in e) if (!MENTIONS.has(k)) return k === 'id';
  return false;
}
