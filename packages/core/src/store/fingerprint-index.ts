import { isFingerprint, MINHASH_SIZE, NEAR_DUPLICATE_SIMILARITY, similarityHex } from './fingerprint';

export const BANDS = 16; // 16 bands of 4 values: texts with Jaccard 0.7 share a band with probability 0.98.
const ROWS = MINHASH_SIZE / BANDS;

/** The band keys of a fingerprint ("band:values"): two fingerprints sharing one are candidates. */
export function bandKeys(fp: string): string[] {
  return Array.from({ length: BANDS }, (_, i) => `${i}:${fp.slice(i * ROWS * 8, (i + 1) * ROWS * 8)}`);
}

/** Multipliers of a band's four values in its integer key: below 2^18, so every sum stays exact in a double. */
const BAND_MULTIPLIERS = [1, 40_503, 131_071, 262_139] as const;
const KEY_SPACE = 2 ** 48;

/**
 * A band key as an integer (smaller and faster to index than its text): the band's number above 48 bits
 * made from ALL four of its values (a sum of each times an odd multiplier, modulo 2^48; PostgreSQL's
 * migration computes the same in SQL). Keying on the first values only made bands that differ share a
 * key whenever they began alike, which generated or templated text often does: 3.4 times the candidate
 * rows per put at 30k articles, read in every write transaction. Two bands that differ now share a key
 * with odds of about 2^-48; that would only add a candidate, which the similarity check then drops.
 */
const bandInteger = (fp: string, band: number): number => {
  let sum = 0;
  for (let j = 0; j < ROWS; j++) {
    const at = (band * ROWS + j) * 8;
    sum += Number.parseInt(fp.slice(at, at + 8), 16) * BAND_MULTIPLIERS[j]!;
  }
  return band * KEY_SPACE + (sum % KEY_SPACE);
};

/** The band keys of a fingerprint as integers, for a database index (SQLite, PostgreSQL). */
export const integerBandKeys = (fp: string): number[] =>
  Array.from({ length: BANDS }, (_, band) => bandInteger(fp, band));

/** Stored articles compared with a new one at most (a near copy shares about 4 of 16 bands, most share 0). */
export const MAX_CANDIDATES = 64;

export interface NearCandidate {
  id: string;
  similarity: number;
}

/**
 * The candidates at or above the near-duplicate threshold among fingerprints sharing a band with `fp`,
 * most similar first.
 */
export function rankCandidates(
  fp: string,
  stored: Iterable<{ id: string; fingerprint: string }>,
  exceptId?: string,
): NearCandidate[] {
  const out: NearCandidate[] = [];
  const seen = new Set<string>();
  for (const { id, fingerprint } of stored) {
    if (id === exceptId || seen.has(id) || !isFingerprint(fingerprint)) continue;
    seen.add(id);
    const s = similarityHex(fp, fingerprint);
    if (s >= NEAR_DUPLICATE_SIMILARITY) out.push({ id, similarity: s });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

/**
 * Finds stored articles whose fingerprint is near a new one, by locality-sensitive hashing over MinHash
 * bands, so a lookup compares a few candidates instead of every article. Held in memory: the memory
 * store's index (the SQLite store keeps the same bands in a table, read inside its write transaction).
 */
export class FingerprintIndex {
  private readonly byId = new Map<string, string>();
  private readonly bands = new Map<string, Set<string>>();

  add(id: string, fp: string): void {
    this.remove(id);
    if (!isFingerprint(fp)) return;
    this.byId.set(id, fp);
    for (const k of bandKeys(fp)) {
      const set = this.bands.get(k) ?? new Set();
      set.add(id);
      this.bands.set(k, set);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  remove(id: string): void {
    const fp = this.byId.get(id);
    if (fp === undefined) return;
    this.byId.delete(id);
    for (const k of bandKeys(fp)) this.bands.get(k)?.delete(id);
  }

  /** Stored articles at or above the threshold, other than `exceptId`, most similar first. */
  candidates(fp: string, exceptId?: string): NearCandidate[] {
    if (!isFingerprint(fp)) return [];
    const ids = new Set(bandKeys(fp).flatMap((k) => [...(this.bands.get(k) ?? [])]));
    return rankCandidates(
      fp,
      [...ids].map((id) => ({ id, fingerprint: this.byId.get(id)! })),
      exceptId,
    );
  }
}
