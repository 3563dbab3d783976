import { fromHex, MINHASH_SIZE, NEAR_DUPLICATE_SIMILARITY, similarity } from './fingerprint';

const BANDS = 16; // 16 bands of 4 values: texts with Jaccard 0.7 share a band with probability 0.98.
const ROWS = MINHASH_SIZE / BANDS;

/**
 * Finds a stored article whose fingerprint is near a new one, by locality-sensitive hashing over MinHash
 * bands, so a lookup compares a few candidates instead of every article.
 */
export class FingerprintIndex {
  private readonly byId = new Map<string, string>();
  private readonly values = new Map<string, Uint32Array>();
  private readonly bands: Array<Map<string, Set<string>>> = Array.from({ length: BANDS }, () => new Map());
  private readonly exact = new Map<string, Set<string>>();

  private keys(fp: string): string[] {
    return Array.from({ length: BANDS }, (_, i) => fp.slice(i * ROWS * 8, (i + 1) * ROWS * 8));
  }

  add(id: string, fp: string): void {
    this.remove(id);
    this.byId.set(id, fp);
    if (fp.startsWith('=')) {
      const set = this.exact.get(fp) ?? new Set();
      set.add(id);
      this.exact.set(fp, set);
      return;
    }
    this.values.set(id, fromHex(fp));
    this.keys(fp).forEach((k, i) => {
      const band = this.bands[i]!;
      const set = band.get(k) ?? new Set();
      set.add(id);
      band.set(k, set);
    });
  }

  remove(id: string): void {
    const fp = this.byId.get(id);
    if (fp === undefined) return;
    this.byId.delete(id);
    this.values.delete(id);
    if (fp.startsWith('=')) this.exact.get(fp)?.delete(id);
    else
      this.keys(fp).forEach((k, i) => {
        this.bands[i]!.get(k)?.delete(id);
      });
  }

  /** The most similar stored article at or above the threshold, other than `exceptId`. */
  nearest(fp: string, exceptId?: string): { id: string; similarity: number } | undefined {
    if (fp.startsWith('=')) {
      for (const id of this.exact.get(fp) ?? []) if (id !== exceptId) return { id, similarity: 1 };
      return undefined;
    }
    const mine = fromHex(fp);
    let best: { id: string; similarity: number } | undefined;
    const seen = new Set<string>();
    this.keys(fp).forEach((k, i) => {
      for (const id of this.bands[i]!.get(k) ?? []) {
        if (id === exceptId || seen.has(id)) continue;
        seen.add(id);
        const s = similarity(mine, this.values.get(id)!);
        if (s >= NEAR_DUPLICATE_SIMILARITY && (!best || s > best.similarity)) best = { id, similarity: s };
      }
    });
    return best;
  }
}
