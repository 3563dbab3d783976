import { InternTable } from '../../binary/intern-table';
import { compareCodePoints, type StringColumn } from '../../binary/string-column';

/** Code units where UTF-16 order and code point order part: surrogates, and U+E000..U+FFFF after them. */
const WIDE = /[\ud800-\uffff]/;

/**
 * Term ids by term, numbered in order of first sighting, held in an InternTable (UTF-8 bytes in typed
 * arrays): a worker's dictionary holds most of a million terms, which as a Map and an array of strings
 * were a million strings and a Map's table that each full collection of its heap marked again. Terms
 * are told apart by their UTF-8 bytes, as the index's dictionary stores them: two that differ only in a
 * lone surrogate (each U+FFFD in UTF-8) are one term.
 */
export class TermDictionary {
  private readonly table = new InternTable(1 << 12);

  /** How many terms it holds. */
  get length(): number {
    return this.table.length;
  }

  readonly idOf = (term: string): number => this.table.intern(term);

  /** The id of the term of UTF-8 bytes key[from, to) (added if new). */
  idOfBytes(key: Uint8Array, from: number, to: number): number {
    return this.table.internBytes(key, from, to);
  }

  /** Term t (decoded from its bytes: ask once per term, not per use). */
  name(t: number): string {
    return this.table.at(t);
  }

  /** Every term, by id. */
  names(): string[] {
    return this.table.strings();
  }

  /** The terms in id order as a column of their own (a copy: its buffers can be transferred). */
  column(): StringColumn {
    return this.table.slice(0, this.length);
  }

  /**
   * The terms in code point order (UTF-8 byte order, the dictionary's order in an index) and each term
   * id's rank in it. Without a WIDE code unit, UTF-16 order is code point order, and the native sort
   * (no comparator called per pair) sorts a million terms several times faster.
   */
  sorted(): { sorted: string[]; rank: Uint32Array } {
    const names = this.names();
    const rank = new Uint32Array(names.length);
    if (names.some((t) => WIDE.test(t))) {
      const order = Array.from({ length: names.length }, (_, i) => i).sort((x, y) =>
        compareCodePoints(names[x]!, names[y]!),
      );
      order.forEach((t, r) => {
        rank[t] = r;
      });
      return { sorted: order.map((t) => names[t]!), rank };
    }
    const sorted = names.sort();
    for (let r = 0; r < sorted.length; r++) rank[this.table.intern(sorted[r]!, false)] = r;
    return { sorted, rank };
  }
}
