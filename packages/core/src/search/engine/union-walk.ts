import { type DocBits, rankOfHeld } from '../index/doc-bits';
import { gallop } from '../index/gallop';
import { RANGE, RANGE_SHIFT } from '../index/impact-ranges';
import type { TopHeap } from './top-heap';

/** One list of a union, read as scoreAt reads it: stored scores, or impacts times a multiplier. */
export interface Part {
  docs: Uint32Array;
  scores: Float32Array | null;
  imp: Uint8Array | undefined;
  mult: number;
  impMax: number | undefined;
  bits: DocBits | undefined;
  /** The highest impact in each range of documents (a posting list read in place). */
  rangeMax: Uint8Array | undefined;
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

/** No document: past every list's end. */
const NONE = 0xffffffff;

/**
 * Offers the heap every document that may enter it, in ascending order: MaxScore over the lists sorted
 * by best score, block-max by ranges of RANGE documents. Documents held only by the weak lists (whose
 * best scores summed cannot beat the k-th held) are never visited; a range where the lists' best
 * impacts in it summed cannot is skipped whole (one look-up a list, no search of the lists); with one
 * strong list left, its documents that cannot, with the weak lists' best in the range, are passed over
 * in one loop. Returns how many documents were visited (read one by one) and how many scored.
 */
export function maxScore(
  parts: readonly Part[],
  heap: TopHeap,
  least: number,
): { scored: number; visited: number } {
  const w = new UnionWalk(parts);
  const L = parts.length;
  let scored = 0;
  let visited = 0;
  // The score to beat, read again only when the heap changes; a sum at `cut` or under provably does not
  // beat it, in whatever order its terms are added (they are not negative).
  let floor = Math.max(least, heap.threshold());
  let cut = floor > 0 ? floor * (1 - 1e-9) : floor;
  // The last document of the window being visited (found worth it at this floor).
  let checkedTo = -1;
  for (;;) {
    while (w.weak < L && w.bound[w.weak + 1]! <= floor) w.weak++;
    if (w.weak === L) break;
    const d = w.next();
    if (d === NONE) break;
    if (d > checkedTo) {
      checkedTo = w.window(d, cut);
      if (checkedTo < 0) continue;
    }
    const passed = w.passOver(checkedTo, cut);
    visited += passed;
    if (passed > 0) continue;
    visited++;
    const s = w.score(d, cut);
    if (s === Number.NEGATIVE_INFINITY) continue;
    scored++;
    heap.offer(d, Math.fround(s));
    const next = Math.max(least, heap.threshold());
    if (next === floor) continue;
    floor = next;
    cut = floor > 0 ? floor * (1 - 1e-9) : floor;
    checkedTo = -1;
  }
  return { scored, visited };
}

/** MaxScore's walk over a union's lists: where each list stands, and which are weak at the floor. */
class UnionWalk {
  /** The lists' indices, weakest (lowest best score) first. */
  private readonly order: number[];
  /** bound[r]: the best scores of the r weakest lists summed, with a margin for summing in another order. */
  readonly bound: Float64Array;
  /** The weak lists (order[0, weak)): only probed for documents the others bring. */
  weak = 0;
  private readonly top: number[];
  private readonly at: Uint32Array;
  private readonly part: Float64Array;
  /** Each weak list's best score in the current window, and their sum. */
  private readonly weakTop: Float64Array;
  private weakSum = 0;

  constructor(private readonly parts: readonly Part[]) {
    const L = parts.length;
    this.top = parts.map(bestScore);
    this.order = parts.map((_, j) => j).sort((x, y) => this.top[x]! - this.top[y]!);
    this.bound = new Float64Array(L + 1);
    for (let r = 0; r < L; r++) this.bound[r + 1] = this.bound[r]! + this.top[this.order[r]!]!;
    for (let r = 0; r <= L; r++) this.bound[r] = this.bound[r]! * (1 + 1e-9) + 1e-30;
    this.at = new Uint32Array(L);
    this.part = new Float64Array(L);
    this.weakTop = new Float64Array(L);
  }

  /** The next document of the strong lists (NONE past their ends). */
  next(): number {
    let d = NONE;
    for (let r = this.weak; r < this.parts.length; r++) {
      const j = this.order[r]!;
      const p = this.parts[j]!;
      const i = this.at[j]!;
      if (i < p.docs.length && p.docs[i]! < d) d = p.docs[i]!;
    }
    return d;
  }

  /**
   * The window: the range of RANGE documents holding d (the strong lists' next document). Its last
   * document when one of its documents not yet passed may beat `cut`, keeping the weak lists' best in it
   * for score() and passOver() to bound each document by; else -1 after stepping the strong lists past
   * it and every range after it where no document can (their bounds summed: one look-up a list).
   */
  window(d: number, cut: number): number {
    const L = this.parts.length;
    const first = d >>> RANGE_SHIFT;
    let w = first;
    const last = this.lastRange();
    for (; w <= last; w++) {
      let most = 0;
      for (let j = 0; j < L; j++) most += this.rangeTop(j, w);
      if (most > cut) break;
    }
    if (w === first) {
      this.weakSum = 0;
      for (let r = 0; r < this.weak; r++) {
        const j = this.order[r]!;
        this.weakTop[j] = this.rangeTop(j, w);
        this.weakSum += this.weakTop[j]!;
      }
      return (w + 1) * RANGE - 1;
    }
    for (let r = this.weak; r < L; r++) {
      const j = this.order[r]!;
      this.at[j] = gallop(this.parts[j]!.docs, this.at[j]!, w * RANGE);
    }
    return -1;
  }

  /** The range of the strong lists' last document. */
  private lastRange(): number {
    let last = -1;
    for (let r = this.weak; r < this.parts.length; r++) {
      const docs = this.parts[this.order[r]!]!.docs;
      if (docs.length > 0) last = Math.max(last, docs[docs.length - 1]! >>> RANGE_SHIFT);
    }
    return last;
  }

  /**
   * The most list j scores in range w, over its documents from its place on (a strong list's not yet
   * passed; a weak list's from its last probe, before which no document is asked again): 0 when its
   * next document lies past the range, else the range's best impact, or its best score with no ranges.
   */
  private rangeTop(j: number, w: number): number {
    const p = this.parts[j]!;
    const i = this.at[j]!;
    if (i >= p.docs.length || p.docs[i]! >>> RANGE_SHIFT > w) return 0;
    const ranges = p.rangeMax;
    if (ranges === undefined) return this.top[j]!;
    return w < ranges.length ? Math.fround(ranges[w]! * p.mult) : 0;
  }

  /**
   * With one strong list left, its documents up to `upTo` (in the window) that cannot beat `cut` with
   * the weak lists' best in the window are passed over in one loop, not visited one by one. How many.
   */
  passOver(upTo: number, cut: number): number {
    if (this.weak !== this.parts.length - 1) return 0;
    const j = this.order[this.weak]!;
    const { docs, scores, imp, mult } = this.parts[j]!;
    const need = cut - this.weakSum;
    const from = this.at[j]!;
    let i = from;
    if (scores !== null) while (i < docs.length && docs[i]! <= upTo && scores[i]! <= need) i++;
    else if (imp !== undefined)
      while (i < docs.length && docs[i]! <= upTo && Math.fround(imp[i]! * mult) <= need) i++;
    this.at[j] = i;
    return i - from;
  }

  /** Where weak list j holds document d, or -1: by its bits when it has them, else stepped to d. */
  private placeOf(j: number, d: number): number {
    const { docs, bits } = this.parts[j]!;
    if (bits !== undefined) return (bits.words[d >>> 5]! >>> (d & 31)) & 1 ? rankOfHeld(bits, d) : -1;
    const i = gallop(docs, this.at[j]!, d);
    this.at[j] = i;
    return i < docs.length && docs[i] === d ? i : -1;
  }

  /**
   * Document d's score, summed as the full merge sums it (its lists' scores in double precision, in list
   * order), or -Infinity once it cannot beat `cut` (the weak lists probed, strongest first, while it may,
   * each bounded by its best in the window). Steps the strong lists holding d past it.
   */
  score(d: number, cut: number): number {
    const { parts, order, at, part } = this;
    const L = parts.length;
    for (let j = 0; j < L; j++) part[j] = 0;
    let upper = this.weakSum;
    for (let r = this.weak; r < L; r++) {
      const j = order[r]!;
      const p = parts[j]!;
      const i = at[j]!;
      if (i < p.docs.length && p.docs[i] === d) {
        part[j] = scoreOf(p, i);
        upper += part[j]!;
        at[j] = i + 1;
      }
    }
    for (let r = this.weak - 1; r >= 0 && upper > cut; r--) {
      const j = order[r]!;
      // None of its documents in the window scores above 0: it adds nothing.
      if (this.weakTop[j] === 0) continue;
      upper -= this.weakTop[j]!;
      const i = this.placeOf(j, d);
      if (i >= 0) {
        part[j] = scoreOf(parts[j]!, i);
        upper += part[j]!;
      }
    }
    if (upper <= cut) return Number.NEGATIVE_INFINITY;
    let s = 0;
    for (let j = 0; j < L; j++) s += part[j]!;
    return s;
  }
}
