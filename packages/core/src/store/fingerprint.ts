import type { Article } from '../model/article-schema';

/**
 * Words below this count are too few for a near-duplicate judgement: such an article is never a
 * near-duplicate (feed items with an empty or one-line body are distinct items, not copies of each
 * other). The same bar as the `short-body` quality flag.
 */
export const MIN_FINGERPRINT_WORDS = 50;
/** Estimated Jaccard similarity of word 3-shingles at or above which two texts are the same story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;
/** MinHash values per fingerprint; 16 bands of 4 for the index. */
export const MINHASH_SIZE = 64;

function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds, one per hash function: fingerprints must stay comparable across runs and machines.
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

export function articleWords(article: Pick<Article, 'body'>): string[] {
  const text = article.body.map((b) => b.text).join(' ');
  return (text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/**
 * MinHash over word 3-shingles: for each of 64 seeded hash functions, the smallest hash of any shingle.
 * Two texts agree on a share of positions that estimates the Jaccard similarity of their shingle sets.
 */
export function minhash(words: readonly string[]): Uint32Array {
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const hashes = words.map(fnv1a32);
  const n = Math.max(1, hashes.length - 2);
  for (let i = 0; i < n; i++) {
    const shingle = mix(
      (Math.imul(hashes[i] ?? 0, 0x9e3779b1) ^
        Math.imul(hashes[i + 1] ?? 0, 0x85ebca77) ^
        Math.imul(hashes[i + 2] ?? 0, 0xc2b2ae3d)) >>>
        0,
    );
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = mix((shingle ^ SEEDS[k]!) >>> 0);
      if (h < mins[k]!) mins[k] = h;
    }
  }
  return mins;
}

export function toHex(values: Uint32Array): string {
  let out = '';
  for (const v of values) out += v.toString(16).padStart(8, '0');
  return out;
}

export function fromHex(hex: string): Uint32Array {
  const out = new Uint32Array(hex.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return out;
}

/** similarity() over two hex fingerprints, without decoding them (a store compares many candidates). */
export function similarityHex(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    let equal = true;
    for (let j = i * 8; j < i * 8 + 8; j++)
      if (a.charCodeAt(j) !== b.charCodeAt(j)) {
        equal = false;
        break;
      }
    if (equal) same++;
  }
  return same / MINHASH_SIZE;
}

/** The share of MinHash positions two fingerprints agree on: an estimate of their Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / Math.max(1, a.length);
}

/** Hex characters of a MinHash fingerprint; anything else stored (older stores kept "=hash") is no fingerprint. */
export const FINGERPRINT_HEX_LENGTH = MINHASH_SIZE * 8;

/**
 * An article's content fingerprint: MinHash (hex) when it has enough words, else "" (no fingerprint:
 * a short text is never judged a near-duplicate, only the same id is the same article).
 */
export function contentFingerprint(article: Pick<Article, 'body'>): string {
  const words = articleWords(article);
  return words.length >= MIN_FINGERPRINT_WORDS ? toHex(minhash(words)) : '';
}

export const isFingerprint = (fp: string): boolean => fp.length === FINGERPRINT_HEX_LENGTH;
