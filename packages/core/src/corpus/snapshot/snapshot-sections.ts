import { damagedSnapshot as damaged } from '../../binary/damaged-snapshot';
import type { FacetColumn } from '../../search/index/search-index';
import { StringColumn } from '../../binary/string-column';
import { type BlockCheck, CheckedStringColumn } from '../../binary/block-check';

/** A snapshot section: a typed view on its bytes. */
export type Section = Uint8Array | Uint32Array;

/**
 * A snapshot's sections by name, each read as what it must be: the right type and length, offsets that
 * rise within what they index, ids within their table. A section that is not throws a damaged-snapshot error.
 */
export class SectionReader {
  /** `documents`: the corpus's document count (columns have one offset per document, and one more). */
  constructor(
    private readonly sections: Map<string, Section>,
    private readonly documents: number,
    /** Sections checked a block at a time when read, by name (the others were checked whole at load). */
    private readonly checks: ReadonlyMap<string, BlockCheck> = new Map(),
    /** Sections known to rise already (offsets added up from their steps): not walked again. */
    private readonly rising: ReadonlySet<Section> = new Set(),
  ) {}

  /** The block check of a section read lazily, or undefined for one checked whole at load. */
  blockCheck(name: string): BlockCheck | undefined {
    return this.checks.get(name);
  }

  has(name: string): boolean {
    return this.sections.has(name);
  }

  u8(name: string, length?: number): Uint8Array {
    const a = this.sections.get(name);
    if (!(a instanceof Uint8Array) || (length !== undefined && a.length !== length))
      throw damaged(`section ${name}`);
    return a;
  }

  u32(name: string, length?: number): Uint32Array {
    const a = this.sections.get(name);
    if (!(a instanceof Uint32Array) || (length !== undefined && a.length !== length))
      throw damaged(`section ${name}`);
    return a;
  }

  /** Ids that must each be below `count` (references into another table). */
  ids(name: string, count: number, length?: number): Uint32Array {
    const ids = this.u32(name, length);
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= count) throw damaged(`section ${name}`);
    return ids;
  }

  /** Offsets must rise from 0 to `end`, the length of what they index. */
  offsets(name: string, length: number | undefined, end: number): Uint32Array {
    const off = this.u32(name, length);
    if (off.length === 0 || off[0] !== 0 || off[off.length - 1] !== end) throw damaged(`section ${name}`);
    if (this.rising.has(off)) return off;
    for (let i = 1; i < off.length; i++) if (off[i]! < off[i - 1]!) throw damaged(`section ${name}`);
    return off;
  }

  strings(name: string, count?: number): StringColumn {
    const b = this.u8(`${name}.bytes`);
    const off = this.offsets(`${name}.off`, count === undefined ? undefined : count + 1, b.length);
    const check = this.checks.get(`${name}.bytes`);
    return check ? new CheckedStringColumn(b, off, check) : new StringColumn(b, off);
  }

  column(name: string): FacetColumn {
    const values = this.strings(`${name}.values`);
    const val = this.ids(`${name}.val`, values.length);
    return { values, off: this.offsets(`${name}.off`, this.documents + 1, val.length), val };
  }
}
