import type { Matches } from './matches';

/** The k best (document, score) pairs offered in ascending document order: higher score, then older index. */
export class TopHeap {
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

  /** The score a document must beat to enter: the k-th held, or -Infinity while fewer are. */
  threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!;
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
