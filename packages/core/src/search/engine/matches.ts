/** A sorted list of matching documents with a score and a typo count each. */
export interface Matches {
  docs: Uint32Array;
  /** Scores, or null when they are `imp[i] * mult` (a posting list read in place) or all 0. */
  scores: Float32Array | null;
  imp?: Uint8Array;
  mult?: number;
  /** Typo counts, or null when all are 0. */
  typos: Uint8Array | null;
}

export const scoreAt = (m: Matches, i: number): number =>
  m.scores !== null ? m.scores[i]! : m.imp !== undefined ? m.imp[i]! * m.mult! : 0;
export const typosAt = (m: Matches, i: number): number => (m.typos === null ? 0 : m.typos[i]!);
