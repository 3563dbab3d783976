import { byteOrder } from '../../binary/byte-order';
import { InternTable, isUtf8 } from '../../binary/intern-table';
import { compareCodePoints, StringColumn } from '../../binary/string-column';

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
   * The terms in code point order (UTF-8 byte order, the dictionary's order in an index) as a column, and
   * each term id's rank in it: sorted by their bytes where they lie (byteOrder), none decoded. Bytes that
   * are not UTF-8 (idOfBytes takes any) are decoded (each bad sequence a U+FFFD) and sorted as strings.
   */
  sorted(): { column: StringColumn; rank: Uint32Array } {
    const { bytes, off } = this.column();
    const n = this.length;
    const rank = new Uint32Array(n);
    if (!isUtf8(bytes)) {
      const names = this.names();
      const order = Array.from({ length: n }, (_, i) => i).sort((x, y) =>
        compareCodePoints(names[x]!, names[y]!),
      );
      order.forEach((t, r) => {
        rank[t] = r;
      });
      return { column: StringColumn.from(order.map((t) => names[t]!)), rank };
    }
    const order = byteOrder(bytes, off, n);
    const sortedBytes = new Uint8Array(bytes.length);
    const sortedOff = new Uint32Array(n + 1);
    let at = 0;
    for (let r = 0; r < n; r++) {
      const t = order[r]!;
      rank[t] = r;
      // Byte by byte: a view per term to set() from costs more than copying its few bytes.
      for (let p = off[t]!; p < off[t + 1]!; p++) sortedBytes[at++] = bytes[p]!;
      sortedOff[r + 1] = at;
    }
    return { column: new StringColumn(sortedBytes, sortedOff), rank };
  }
}
