import type { DocBits } from '../index/doc-bits';
import { gallop } from '../index/gallop';
import { highestImpact, type Matches } from './matches';
import { PendingMatches } from './pending-matches';
import { unionCount } from './union-count';

/** One list of a union, read as scoreAt reads it: stored scores, or impacts times a multiplier. */
interface Part {
  docs: Uint32Array;
  scores: Float32Array | null;
  imp: Uint8Array | undefined;
  mult: number;
  impMax: number | undefined;
  bits: DocBits | undefined;
}

/**
 * An OR of two to four lists without typos, kept as its lists: a search page needs only the best few
 * and the count, which one walk over the lists gives without listing every match. Anything else that
 * reads it (a filter, facets, a date order, an enclosing AND) lists it in full on first read, with the
 * same documents and scores.
 */
export class PendingUnion extends PendingMatches {
  private readonly parts: Part[];

  constructor(
    lists: readonly Matches[],
    /** Lists the union in full (the merge the scores are defined by). */
    listAll: () => Matches,
  ) {
    super(listAll);
    this.parts = lists.map((l) => ({
      docs: l.docs,
      scores: l.scores,
      imp: l.imp,
      mult: l.mult ?? 0,
      impMax: highestImpact(l),
      // A ranked OR counts and probes by the bits of its dense lists (built now if not yet).
      bits: l.bits ?? l.source?.denseBits(),
    }));
  }

  /**
   * The k best matches (documents ascending, with their scores) and how many documents match in all.
   * The count is exact, from one bitset of the lists' documents (unionCount). The best are found by MaxScore: once k are held, a list whose best score,
   * with those of the lists weaker than it, cannot beat the k-th is only probed for documents the
   * stronger lists bring, so the documents of a common, low-scoring word are mostly skipped. Each
   * document's score is summed as the full merge sums it (its lists' single precision scores in double
   * precision, in list order), then stored in single precision. `scored`: documents scored.
   * `below`: a score the best must reach, known before (over segments, the k-th best of the segments
   * read so far): a document that cannot reach it is left out from the start, as if k were held.
   */
  best(k: number, below = 0): { top: Matches; total: number; scored: number } {
    if (this.isListed) return { top: this.listed(), total: this.docs.length, scored: 0 };
    const total = unionCount(this.parts);
    const heap = new TopHeap(k);
    const scored = k > 0 ? maxScore(this.parts, heap, floorUnder(below)) : 0;
    return { top: heap.matches(), total, scored };
  }
}

const scoreOf = (p: Part, i: number): number =>
  p.scores !== null ? p.scores[i]! : p.imp !== undefined ? Math.fround(p.imp[i]! * p.mult) : 0;

/** The highest score a list holds. */
export function bestScore(p: Pick<Part, 'scores' | 'imp' | 'mult' | 'impMax'>): number {
  if (p.scores !== null) {
    let m = 0;
    for (let i = 0; i < p.scores.length; i++) if (p.scores[i]! > m) m = p.scores[i]!;
    return m;
  }
  if (p.imp === undefined) return 0;
  // A posting list read in place knows its highest impact: no scan of a common word's whole list.
  if (p.impMax !== undefined) return Math.fround(p.impMax * p.mult);
  let m = 0;
  for (let i = 0; i < p.imp.length; i++) if (p.imp[i]! > m) m = p.imp[i]!;
  return Math.fround(m * p.mult);
}

/**
 * Offers the heap every document that may enter it, in ascending order (MaxScore over the lists sorted
 * by best score): documents held only by the weak lists, whose best scores summed cannot beat the k-th
 * held, are never visited. Returns how many documents were scored.
 */
/**
 * The floor below a score known to enter: a document summing to no more cannot be stored as that score
 * or higher (single precision keeps about 7 digits, so 1e-6 under it rounds below it). A tie with it
 * may still enter (ties go by document order across segments), so it is never turned away.
 */
function floorUnder(score: number): number {
  return score > 0 ? score * (1 - 1e-6) : Number.NEGATIVE_INFINITY;
}

function maxScore(parts: readonly Part[], heap: TopHeap, least = Number.NEGATIVE_INFINITY): number {
  const L = parts.length;
  const order = parts.map((_, j) => j);
  const top = parts.map(bestScore);
  order.sort((x, y) => top[x]! - top[y]!);
  // bound[r]: the best scores of the r weakest lists summed, with a margin for summing in another order.
  const bound = new Float64Array(L + 1);
  for (let r = 0; r < L; r++) bound[r + 1] = bound[r]! + top[order[r]!]!;
  for (let r = 0; r <= L; r++) bound[r] = bound[r]! * (1 + 1e-9) + 1e-30;
  const at = new Uint32Array(L);
  const part = new Float64Array(L);
  let weak = 0;
  let scored = 0;
  // The score to beat, read again only when the heap changes.
  let floor = Math.max(least, heap.threshold());
  for (;;) {
    while (weak < L && bound[weak + 1]! <= floor) weak++;
    if (weak === L) break;
    let d = 0xffffffff;
    for (let r = weak; r < L; r++) {
      const p = parts[order[r]!]!;
      const i = at[order[r]!]!;
      if (i < p.docs.length && p.docs[i]! < d) d = p.docs[i]!;
    }
    if (d === 0xffffffff) break;
    for (let j = 0; j < L; j++) part[j] = 0;
    let upper = bound[weak]!;
    for (let r = weak; r < L; r++) {
      const j = order[r]!;
      const p = parts[j]!;
      const i = at[j]!;
      if (i < p.docs.length && p.docs[i] === d) {
        part[j] = scoreOf(p, i);
        upper += part[j]!;
        at[j] = i + 1;
      }
    }
    // The weak lists are probed, strongest first, while the document may still enter.
    for (let r = weak - 1; r >= 0 && upper > floor; r--) {
      const j = order[r]!;
      const p = parts[j]!;
      const i = gallop(p.docs, at[j]!, d);
      at[j] = i;
      upper -= bound[r + 1]! - bound[r]!;
      if (i < p.docs.length && p.docs[i] === d) {
        part[j] = scoreOf(p, i);
        upper += part[j]!;
      }
    }
    if (upper <= floor) continue;
    let s = 0;
    for (let j = 0; j < L; j++) s += part[j]!;
    scored++;
    heap.offer(d, Math.fround(s));
    floor = Math.max(least, heap.threshold());
  }
  return scored;
}

/** Does nothing match? (A pending union, or pending expansions, hold two lists or more, none empty.) */
export function isEmpty(m: Matches): boolean {
  return !(m instanceof PendingMatches) && m.docs.length === 0;
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
