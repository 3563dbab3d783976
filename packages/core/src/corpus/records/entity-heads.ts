import type { Entity } from '../../model/entity-schema';
import { GrowableArray } from '../../binary/growable-array';
import { ByteWriter } from '../../binary/varint';
import { StringColumn } from '../../binary/string-column';
import type { CompactWriter } from './compact-values';
import { type EntityHead, headOf } from './pack-article';

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

/** A head as stored: without its id when the id is its first field (the reader puts it back first). */
function storedHead(head: EntityHead): Record<string, unknown> {
  const { id, ...rest } = head;
  return Object.keys(head)[0] === 'id' ? rest : head;
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

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return false;
}

/** Whether entity e has the head `head` (of `keys` fields): the same fields but its mentions, each equal. */
function hasHead(e: Entity, head: Record<string, unknown>, keys: number): boolean {
  const x = e as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (k === 'mentions' || k === 'demonymMentions') continue;
    if (!sameValue(x[k], head[k])) return false;
    n++;
  }
  return n === keys;
}

interface Variant {
  head: Record<string, unknown>;
  keys: number;
  /** Where its bytes lie in the builder's buffer (heads are written as they are met, laid out by value at the end). */
  start: number;
  end: number;
}

/** Builds the head table and each document's entity ids, document by document. */
export class EntityHeadsBuilder {
  private readonly valueOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly variants: Variant[][] = [];
  /** The document each value was last listed in (-1: none yet). */
  private readonly lastDoc = new GrowableArray(Int32Array, 256, -1);
  private readonly val = new GrowableArray(Uint32Array);
  private readonly off: Uint32Array;
  /** Grown in place: it is built on the thread holding the articles (see GrowableArray). */
  private readonly bytes = new ByteWriter(1 << 16, true);
  private docStart = 0;

  constructor(
    documents: number,
    private readonly writer: CompactWriter,
  ) {
    this.off = new Uint32Array(documents + 1);
  }

  /** Entity e of document d (documents in order): its place in d's list of ids, and its variant's number. */
  add(d: number, e: Entity): [place: number, variant: number] {
    let v = this.valueOf.get(e.id);
    if (v === undefined) {
      v = this.variants.length;
      this.valueOf.set(e.id, v);
      this.ids.push(e.id);
      this.variants.push([]);
      this.lastDoc.cover(v);
    }
    let place: number;
    if (this.lastDoc.array[v] !== d) {
      this.lastDoc.array[v] = d;
      place = this.val.length - this.docStart;
      this.val.push(v);
    } else place = this.val.array.subarray(this.docStart, this.val.length).indexOf(v);
    return [place, this.variant(this.variants[v]!, e)];
  }

  endDocument(d: number): void {
    this.off[d + 1] = this.val.length;
    this.docStart = this.val.length;
  }

  /** The number of e's head among its id's (a new one is written). */
  private variant(variants: Variant[], e: Entity): number {
    // Looked up from the entity itself: most entities repeat a known head, and making a head object
    // (or a key) for each costs more than comparing a few fields.
    for (let k = 0; k < variants.length; k++) if (hasHead(e, variants[k]!.head, variants[k]!.keys)) return k;
    const head = headOf(e);
    const start = this.bytes.length;
    this.writer.write(storedHead(head), this.bytes);
    variants.push({ head, keys: Object.keys(head).length, start, end: this.bytes.length });
    return variants.length - 1;
  }

  /** The heads laid out by value (each value's in the order they were met). */
  done(): EntityHeads {
    const written = this.bytes.done();
    const headBytes = new Uint8Array(written.length);
    const valueHeadOff = new Uint32Array(this.variants.length + 1);
    const headOff: number[] = [0];
    let at = 0;
    this.variants.forEach((variants, v) => {
      for (const x of variants) {
        headBytes.set(written.subarray(x.start, x.end), at);
        at += x.end - x.start;
        headOff.push(at);
      }
      valueHeadOff[v + 1] = headOff.length - 1;
    });
    return {
      headOff: Uint32Array.from(headOff),
      headBytes,
      valueHeadOff,
      values: { values: StringColumn.from(this.ids), off: this.off, val: this.val.done() },
    };
  }
}
