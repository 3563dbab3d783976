// Per-term offsets in the dictionary's order (by rank), counted by term id.
/**
 * How many of items[0, count) hold each term id. Counted by id, not by rank: ids number terms by first
 * sighting, so a text's common words have ids near one another, where their ranks (the dictionary's
 * order) lie far apart and each count was a cache miss.
 */
export function countEach(items: Uint32Array, count: number, terms: number): Uint32Array {
  const counts = new Uint32Array(terms);
  for (let i = 0; i < count; i++) counts[items[i]!]!++;
  return counts;
}

/**
 * Offsets by rank from counts by term id (`rank` maps every id to its rank, so there are as many ranks
 * as ids): rank r's items start at out[r], and out[rank.length] is their sum.
 */
export function byRank(counts: Uint32Array, rank: Uint32Array): Uint32Array {
  const terms = rank.length;
  const out = new Uint32Array(terms + 1);
  for (let t = 0; t < terms; t++) out[rank[t]! + 1]! += counts[t]!;
  for (let r = 0; r < terms; r++) out[r + 1]! += out[r]!;
  return out;
}
