import type { SearchIndex } from '../../search/index/search-index';
import { compareNewestKey, compareOldestKey } from './compare-articles';
import { type CursorKey, seekAfter } from './cursor';

export type DateSort = 'newest' | 'oldest';

/**
 * The corpus's documents in date order, as lists and cursor keys. Documents are numbered newest first;
 * oldest first is the stored `oldestRank`. Date cursors carry a document's key: its date ('' when undated)
 * and id, so a page after one is found by a binary search.
 */
export class DateOrder {
  private newest: Uint32Array | undefined;
  private oldest: Uint32Array | undefined;

  constructor(private readonly ix: SearchIndex) {}

  /** Every document in `sort` order, built on first use. */
  all(sort: DateSort): Uint32Array {
    const { ix } = this;
    if (sort === 'newest') {
      this.newest ??= Uint32Array.from({ length: ix.n }, (_, d) => d);
      return this.newest;
    }
    if (!this.oldest) {
      this.oldest = new Uint32Array(ix.n);
      for (let d = 0; d < ix.n; d++) this.oldest[ix.oldestRank[d]!] = d;
    }
    return this.oldest;
  }

  /** Some documents (ascending numbers, so newest first) in `sort` order. */
  of(docs: Uint32Array, sort: DateSort): ArrayLike<number> {
    if (sort === 'newest') return docs;
    return Array.from(docs).sort((a, b) => this.ix.oldestRank[a]! - this.ix.oldestRank[b]!);
  }

  /** A document's place in date order, as a cursor carries it. */
  key(d: number): [string, string] {
    return [this.ix.dates.at(d), this.ix.ids.at(d)];
  }

  static compare(sort: DateSort): (a: CursorKey, b: CursorKey) => number {
    return sort === 'oldest' ? compareOldestKey : compareNewestKey;
  }

  /** Where in `docs` (in `sort` order) the page after `key` starts, read forward or from the end. */
  seek(docs: ArrayLike<number>, sort: DateSort, key: CursorKey | undefined, reverse = false): number {
    const n = docs.length;
    const order = DateOrder.compare(sort);
    const at = reverse ? (i: number) => this.key(docs[n - 1 - i]!) : (i: number) => this.key(docs[i]!);
    return seekAfter(n, at, reverse ? (a, b) => order(b, a) : order, key);
  }
}
