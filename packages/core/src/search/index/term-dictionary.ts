import { compareCodePoints } from '../../binary/string-column';

/** Code units where UTF-16 order and code point order part: surrogates, and U+E000..U+FFFF after them. */
const WIDE = /[\ud800-\uffff]/;

/** Term ids by term, numbered in order of first sighting. */
export class TermDictionary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Whether a term holds a code unit of WIDE (then the native sort's order is not code point order). */
  private wide = false;

  readonly idOf = (term: string): number => {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(term);
      this.ids.set(term, id);
      if (!this.wide && WIDE.test(term)) this.wide = true;
    }
    return id;
  };

  /**
   * The terms in code point order (UTF-8 byte order, the dictionary's order in an index) and each term
   * id's rank in it. Without a WIDE code unit, UTF-16 order is code point order, and the native sort
   * (no comparator called per pair) sorts a million terms several times faster.
   */
  sorted(): { sorted: string[]; rank: Uint32Array } {
    const { names } = this;
    const rank = new Uint32Array(names.length);
    if (this.wide) {
      const order = Array.from({ length: names.length }, (_, i) => i).sort((x, y) =>
        compareCodePoints(names[x]!, names[y]!),
      );
      order.forEach((t, r) => {
        rank[t] = r;
      });
      return { sorted: order.map((t) => names[t]!), rank };
    }
    const sorted = names.slice().sort();
    for (let r = 0; r < sorted.length; r++) rank[this.ids.get(sorted[r]!)!] = r;
    return { sorted, rank };
  }
}
