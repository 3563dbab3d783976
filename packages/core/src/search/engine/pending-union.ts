import type { Matches } from './matches';

/** One list of a union, read as scoreAt reads it: stored scores, or impacts times a multiplier. */
interface Part {
  docs: Uint32Array;
  scores: Float32Array | null;
  imp: Uint8Array | undefined;
  mult: number;
}

/**
 * An OR of two to four lists without typos, kept as its lists: a search page needs only the best few
 * and the count, which one walk over the lists gives without listing every match. Anything else that
 * reads it (a filter, facets, a date order, an enclosing AND) lists it in full on first read, with the
 * same documents and scores.
 */
export class PendingUnion implements Matches {
  private full: Matches | undefined;
  private readonly parts: Part[];

  constructor(
    lists: readonly Matches[],
    /** Lists the union in full (the merge the scores are defined by). */
    private readonly listAll: () => Matches,
  ) {
    this.parts = lists.map((l) => ({ docs: l.docs, scores: l.scores, imp: l.imp, mult: l.mult ?? 0 }));
  }

  private listed(): Matches {
    this.full ??= this.listAll();
    return this.full;
  }
  get docs(): Uint32Array {
    return this.listed().docs;
  }
  get scores(): Float32Array | null {
    return this.listed().scores;
  }
  get typos(): Uint8Array | null {
    return this.listed().typos;
  }

  /**
   * The k best matches (documents ascending, with their scores) and how many documents match in all,
   * in one walk: each document's score is summed as the full merge sums it (its lists' single
   * precision scores in double precision, in list order), then stored in single precision.
   */
  best(k: number): { top: Matches; total: number } {
    if (this.full) return { top: this.full, total: this.full.docs.length };
    const parts = this.parts;
    const L = parts.length;
    const at = new Uint32Array(L);
    const heap = new TopHeap(k);
    let total = 0;
    for (;;) {
      let d = 0xffffffff;
      for (let j = 0; j < L; j++) {
        const p = parts[j]!;
        if (at[j]! < p.docs.length && p.docs[at[j]!]! < d) d = p.docs[at[j]!]!;
      }
      if (d === 0xffffffff) break;
      let s = 0;
      for (let j = 0; j < L; j++) {
        const p = parts[j]!;
        const i = at[j]!;
        if (i >= p.docs.length || p.docs[i] !== d) continue;
        s += p.scores !== null ? p.scores[i]! : p.imp !== undefined ? Math.fround(p.imp[i]! * p.mult) : 0;
        at[j] = i + 1;
      }
      total++;
      heap.offer(d, Math.fround(s));
    }
    return { top: heap.matches(), total };
  }
}

/** Does nothing match? (A pending union holds two lists or more, none empty.) */
export function isEmpty(m: Matches): boolean {
  return !(m instanceof PendingUnion) && m.docs.length === 0;
}

/** The k best (document, score) pairs offered in ascending document order: higher score, then older index. */
class TopHeap {
  private readonly docs: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.docs = new Uint32Array(Math.max(0, k));
    this.scores = new Float64Array(Math.max(0, k));
  }

  offer(d: number, s: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      // Up: the worst (lowest score, then latest document) stays at the root.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!(s < this.scores[p]! || (s === this.scores[p] && d > this.docs[p]!))) break;
        this.docs[i] = this.docs[p]!;
        this.scores[i] = this.scores[p]!;
        i = p;
      }
      this.docs[i] = d;
      this.scores[i] = s;
      return;
    }
    // Documents come in ascending order, so a tie loses to the one kept.
    if (this.k === 0 || s <= this.scores[0]!) return;
    this.down(d, s);
  }

  private down(d: number, s: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const w = r < this.size && this.worse(r, l) ? r : l;
      if (!(this.scores[w]! < s || (this.scores[w] === s && this.docs[w]! > d))) break;
      this.docs[i] = this.docs[w]!;
      this.scores[i] = this.scores[w]!;
      i = w;
    }
    this.docs[i] = d;
    this.scores[i] = s;
  }

  private worse(a: number, b: number): boolean {
    return (
      this.scores[a]! < this.scores[b]! ||
      (this.scores[a] === this.scores[b] && this.docs[a]! > this.docs[b]!)
    );
  }

  /** The pairs kept, documents ascending. */
  matches(): Matches {
    const idx = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.docs[a]! - this.docs[b]!);
    return {
      docs: Uint32Array.from(idx, (i) => this.docs[i]!),
      scores: Float32Array.from(idx, (i) => this.scores[i]!),
      typos: null,
    };
  }
}
