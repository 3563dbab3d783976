import { GrowableArray } from '../../binary/growable-array';
import { InternTable } from '../../binary/intern-table';
import { readsAsStatement } from '../../text/statement';
import type { IndexedArticle } from './indexed-article';

type Quote = IndexedArticle['quotes'][number];

/**
 * Quotations' term ids, each text scanned once (quotations recur across articles), and whether it is
 * long enough to read as a statement, worked out once. Held in typed arrays (texts in an InternTable):
 * as objects in a Map, a million quotations were several million objects that every full collection of
 * the index builder's heap traced. Past `max` texts, a new one is scanned each time it comes.
 */
export class QuoteTerms {
  private readonly texts = new InternTable(1 << 12);
  /** Quotation q's term ids are ids[off[q], off[q + 1]). */
  private readonly ids = new GrowableArray(Int32Array, 1 << 16);
  private readonly off = new GrowableArray(Uint32Array, 1 << 12);
  /** Per quotation: 0 not worked out yet, 1 too short to read as a statement, 2 long enough. */
  private readonly longEnough = new GrowableArray(Uint8Array, 1 << 12);
  /** The term ids of a text past `max` (scanned each time it comes, into this scratch). */
  private readonly uncached = new GrowableArray(Int32Array, 1 << 8);
  /** Where the term ids `of` gave last lie in the array it returned: [from, to). */
  from = 0;
  to = 0;

  /**
   * `scan(text, onId)` calls onId with the term id of each word of a text (negative for a stop word,
   * which is left out): the ids are written where they are kept, not into an array per text first.
   */
  constructor(
    private readonly scan: (text: string, onId: (id: number) => void) => void,
    private readonly max: number,
  ) {
    this.off.push(0);
  }

  private readonly pushKept = (t: number) => {
    if (t >= 0) this.ids.push(t);
  };
  private readonly pushUncached = (t: number) => {
    if (t >= 0) this.uncached.push(t);
  };

  /** The number of quotation text `text` (scanned if new), or -1 if it is new and the cache is full. */
  private numberOf(text: string): number {
    const q = this.texts.intern(text, this.texts.length < this.max);
    if (q === this.off.length - 1) {
      this.scan(text, this.pushKept);
      this.off.push(this.ids.length);
      this.longEnough.cover(q);
    }
    return q;
  }

  /**
   * The term ids of a quotation's text: at [from, to) of the array it returns (read them before the
   * next call; no view is made per quotation).
   */
  of(text: string): Int32Array {
    const q = this.numberOf(text);
    if (q < 0) {
      this.uncached.length = 0;
      this.scan(text, this.pushUncached);
      this.from = 0;
      this.to = this.uncached.length;
      return this.uncached.array;
    }
    this.from = this.off.array[q]!;
    this.to = this.off.array[q + 1]!;
    return this.ids.array;
  }

  /** readsAsStatement(quote), worked out once per text (its word count decides). */
  readsAsStatement(quote: Quote): boolean {
    const q = this.numberOf(quote.text);
    if (q < 0) return readsAsStatement(quote);
    const known = this.longEnough.array;
    if (known[q] === 0) known[q] = readsAsStatement(quote) ? 2 : 1;
    return known[q] === 2;
  }
}
