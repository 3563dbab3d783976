import type { Entity } from '../../model/entity-schema';
import { ByteWriter } from '../../binary/varint';
import type { CompactWriter } from './compact-values';
import { headOf } from './pack-article';

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return false;
}

const isMentions = (k: string) => k === 'mentions' || k === 'demonymMentions';

/** Fields of an entity but its mentions. */
function headFields(e: Entity): number {
  let n = 0;
  for (const k in e) if (!isMentions(k)) n++;
  return n;
}

/** Whether entities e and f have the same head (f has `fields` of them): every field but the mentions equal. */
function sameHead(e: Entity, f: Entity, fields: number): boolean {
  const x = e as unknown as Record<string, unknown>;
  const y = f as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (isMentions(k)) continue;
    if (!sameValue(x[k], y[k])) return false;
    n++;
  }
  return n === fields;
}

/**
 * The entity heads of article records (name, type, aliases...: an entity but its mentions), each written
 * once, numbered by first sighting. A head is looked up from the entity itself: most entities repeat a
 * known head, and making a head object (or a key) for each costs more than comparing a few fields. Each
 * head is remembered as the entity that first gave it, not as a copy: on the thread holding a corpus's
 * articles, what the records keep alive sets off full garbage collections of that heap (most of the
 * records' time at 100k articles).
 */
export class EntityHeads {
  readonly bytes = new ByteWriter(1 << 16, true);
  readonly off = [0];
  /** Head indexes by entity id: one, or a list when an id has several heads. */
  private readonly byId = new Map<string, number | number[]>();
  private readonly first: Entity[] = [];
  private readonly fields: number[] = [];

  constructor(private readonly writer: CompactWriter) {}

  /** The index of entity e's head (written now if new). */
  indexOf(e: Entity): number {
    const known = this.byId.get(e.id);
    if (typeof known === 'number') {
      if (this.is(e, known)) return known;
    } else if (known) {
      for (let i = 0; i < known.length; i++) if (this.is(e, known[i]!)) return known[i]!;
    }
    const index = this.first.length;
    this.first.push(e);
    this.fields.push(headFields(e));
    this.writer.write(headOf(e), this.bytes);
    this.off.push(this.bytes.length);
    if (known === undefined) this.byId.set(e.id, index);
    else if (typeof known === 'number') this.byId.set(e.id, [known, index]);
    else known.push(index);
    return index;
  }

  private is(e: Entity, h: number): boolean {
    return sameHead(e, this.first[h]!, this.fields[h]!);
  }
}
