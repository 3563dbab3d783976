import type { Matches } from './matches';
import { PendingMatches } from './pending-matches';

/**
 * Matches at the indexes `at[0..k)` of m (ascending), kept in m's representation so that ranking
 * keeps its fast paths: a list read in place stays impacts and multiplier (its highest impact found),
 * scores stay scores, and typos stay null when none of the kept has one. m itself when every match is
 * kept (but pending matches, which are listed).
 */
export function pickMatches(m: Matches, at: Uint32Array, k: number): Matches {
  const n = m.docs.length;
  if (k === n && !(m instanceof PendingMatches)) return m;
  if (m.scores === null && m.imp !== undefined && m.typos === null) return pickImpacts(m, m.imp, at, k);
  const docs = new Uint32Array(k);
  for (let j = 0; j < k; j++) docs[j] = m.docs[at[j]!]!;
  let scores: Float32Array | null = null;
  if (m.scores !== null) {
    scores = new Float32Array(k);
    for (let j = 0; j < k; j++) scores[j] = m.scores[at[j]!]!;
  }
  let typos: Uint8Array | null = null;
  if (m.typos !== null) {
    let any = 0;
    typos = new Uint8Array(k);
    for (let j = 0; j < k; j++) any |= typos[j] = m.typos[at[j]!]!;
    if (any === 0) typos = null;
  }
  if (scores !== null || m.imp === undefined) return { docs, scores, typos };
  const { imp, impMax } = gatherImpacts(m.imp, at, k);
  return { docs, scores: null, imp, mult: m.mult!, impMax, typos };
}

/** A list read in place, without typos (one word, the commonest filtered search): one pass over `at`. */
function pickImpacts(m: Matches, from: Uint8Array, at: Uint32Array, k: number): Matches {
  const docs = new Uint32Array(k);
  const imp = new Uint8Array(k);
  const all = m.docs;
  let impMax = 0;
  for (let j = 0; j < k; j++) {
    const i = at[j]!;
    docs[j] = all[i]!;
    const v = from[i]!;
    imp[j] = v;
    if (v > impMax) impMax = v;
  }
  return { docs, scores: null, imp, mult: m.mult!, impMax, typos: null };
}

/** The impacts at `at[0..k)`, and the highest of them. */
function gatherImpacts(from: Uint8Array, at: Uint32Array, k: number): { imp: Uint8Array; impMax: number } {
  const imp = new Uint8Array(k);
  let impMax = 0;
  for (let j = 0; j < k; j++) {
    const v = from[at[j]!]!;
    imp[j] = v;
    if (v > impMax) impMax = v;
  }
  return { imp, impMax };
}

/** Matches at the indexes [lo, hi) of m, as pickMatches keeps them, read in place (views of m's arrays). */
export function sliceMatches(m: Matches, lo: number, hi: number): Matches {
  if (lo === 0 && hi === m.docs.length && !(m instanceof PendingMatches)) return m;
  const docs = m.docs.subarray(lo, hi);
  const scores = m.scores === null ? null : m.scores.subarray(lo, hi);
  let typos = m.typos === null ? null : m.typos.subarray(lo, hi);
  if (typos?.every((t) => t === 0)) typos = null;
  if (scores !== null || m.imp === undefined) return { docs, scores, typos };
  const imp = m.imp.subarray(lo, hi);
  let impMax = 0;
  for (let j = 0; j < imp.length; j++) if (imp[j]! > impMax) impMax = imp[j]!;
  return { docs, scores: null, imp, mult: m.mult!, impMax, typos };
}
