import type { CorpusStats, Matches } from './evaluate-query';
import { scoreAt } from './evaluate-query';
import { findTerm, type SearchIndex } from '../index/search-index';

/** Terms of a document's "more like this" query; each shared entity adds this much to a score. */
const RELATED_TERMS = 20;
const TITLE_WORD_WEIGHT = 3;
const SHARED_ENTITY_SCORE = 2;

/** The document's most distinctive terms (tf-idf, title words count 3), best first (ties by term). */
export function distinctiveTerms(
  ix: SearchIndex,
  doc: number,
  textTerms: (id: number) => string[],
  stats?: CorpusStats,
): string[] {
  const weightOf = new Map<string, number>();
  for (let j = ix.textOff[doc]!; j < ix.textOff[doc + 1]!; j++) {
    const weight = ix.textField[j] === 0 ? TITLE_WORD_WEIGHT : 1;
    for (const t of textTerms(ix.textIds[j]!)) if (t) weightOf.set(t, (weightOf.get(t) ?? 0) + weight);
  }
  const scored: Array<{ term: string; weight: number }> = [];
  for (const [term, count] of weightOf) {
    const id = findTerm(ix, term);
    if (id < 0) continue;
    // Over segments, the live corpus's size and document counts.
    const weight = stats
      ? count * Math.log(stats.n / stats.df(term))
      : count * Math.log(ix.n / ix.postings.df(id));
    if (weight > 0) scored.push({ term, weight });
  }
  scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return scored.slice(0, RELATED_TERMS).map((s) => s.term);
}

/**
 * Scores gathered in dense scratch arrays, one slot per document, valid where stamp === generation: a
 * gathering reads only the documents that share something, and clears nothing.
 */
export class RelatedScores {
  private readonly score: Float64Array;
  private readonly sharedEntities: Uint32Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  private generation = 0;

  constructor(documents: number) {
    this.score = new Float64Array(documents);
    this.sharedEntities = new Uint32Array(documents);
    this.stamp = new Uint32Array(documents);
    this.touched = new Uint32Array(documents);
  }

  /** Starts a new gathering: every document's score is 0. */
  start(): void {
    this.touchedCount = 0;
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  /** Whether document d is met for the first time in this gathering (its slots are then zeroed). */
  private meet(d: number): boolean {
    if (this.stamp[d] === this.generation) return false;
    this.stamp[d] = this.generation;
    this.score[d] = 0;
    this.sharedEntities[d] = 0;
    this.touched[this.touchedCount++] = d;
    return true;
  }

  /** Adds a term's matches' scores. */
  addMatches(m: Matches): void {
    for (let i = 0; i < m.docs.length; i++) {
      const d = m.docs[i]!;
      if (this.meet(d)) this.score[d] = scoreAt(m, i);
      else this.score[d] = this.score[d]! + scoreAt(m, i);
    }
  }

  /** Counts one shared entity for each of its documents docs[from..to). */
  addSharedEntity(docs: Uint32Array, from: number, to: number): void {
    for (let j = from; j < to; j++) {
      const d = docs[j]!;
      this.meet(d);
      this.sharedEntities[d]!++;
    }
  }

  /** The best `limit` documents but `doc` (and those the mask leaves out), by score, ties by document order. */
  best(doc: number, limit: number, mask: Uint8Array | undefined): Array<{ doc: number; score: number }> {
    return this.bestUnrounded(doc, limit, mask).map(({ doc: d, s }) => ({
      doc: d,
      score: Math.round(s * 10_000) / 10_000,
    }));
  }

  /** best(), its scores as gathered (segments' bests merge on them). */
  bestUnrounded(doc: number, limit: number, mask: Uint8Array | undefined): Array<{ doc: number; s: number }> {
    const top: Array<{ doc: number; s: number }> = [];
    for (let k = 0; k < this.touchedCount; k++) {
      const d = this.touched[k]!;
      if (d === doc || (mask && !mask[d])) continue;
      const shared = this.sharedEntities[d]!;
      const s = shared ? this.score[d]! + SHARED_ENTITY_SCORE * shared : this.score[d]!;
      insertSorted(top, limit, d, s);
    }
    return top;
  }
}

/** Keeps `top` the best `limit` (kept sorted: limit is small), ties by document order. */
function insertSorted(top: Array<{ doc: number; s: number }>, limit: number, d: number, s: number): void {
  if (top.length === limit) {
    const last = top[limit - 1]!;
    if (s < last.s || (s === last.s && d > last.doc)) return;
  }
  let i = top.length;
  while (i > 0 && (top[i - 1]!.s < s || (top[i - 1]!.s === s && top[i - 1]!.doc > d))) i--;
  top.splice(i, 0, { doc: d, s });
  if (top.length > limit) top.length = limit;
}
