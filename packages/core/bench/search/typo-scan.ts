// The typo lookup as it was before the trie walk (typo-candidates.ts): every dictionary word of about the
// word's length compared with it. Kept for typo-lookup.ts, which times both on the same index.
import { boundedDistance } from '../../src/search/engine/bounded-levenshtein';
import { codePoints } from '../../src/search/engine/code-points';
import type { SearchIndex } from '../../src/search/index/search-index';

const word = new Uint32Array(256);
let cand = new Uint32Array(256);

/** A set of a word's code points as 32 bits (code point mod 32). */
function maskOf(chars: Uint32Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) m |= 1 << (chars[i]! & 31);
  return m;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const masks = new WeakMap<SearchIndex, Uint32Array>();

/** Each dictionary word's code point set (maskOf), made on first use. */
function surfaceMasks(ix: SearchIndex): Uint32Array {
  let out = masks.get(ix);
  if (out) return out;
  const s = ix.surface;
  out = new Uint32Array(s.length);
  let codePointBuffer = new Uint32Array(64);
  for (let i = 0; i < s.length; i++) {
    if (codePointBuffer.length < s.size(i)) codePointBuffer = new Uint32Array(s.size(i));
    out[i] = maskOf(codePointBuffer, codePoints(s.bytes, s.off[i]!, s.off[i + 1]!, codePointBuffer));
  }
  masks.set(ix, out);
  return out;
}

/** Dictionary words (surface index) by UTF-8 length, bucketed on first use. */
const lengthBuckets = new WeakMap<SearchIndex, Uint32Array[]>();

function byLength(ix: SearchIndex): Uint32Array[] {
  const known = lengthBuckets.get(ix);
  if (known) return known;
  const s = ix.surface;
  const counts: number[] = [];
  for (let i = 0; i < s.length; i++) counts[s.size(i)] = (counts[s.size(i)] ?? 0) + 1;
  const buckets = Array.from(counts, (c) => new Uint32Array(c ?? 0));
  const fill = new Array<number>(buckets.length).fill(0);
  for (let i = 0; i < s.length; i++) {
    const b = s.size(i);
    buckets[b]![fill[b]!++] = i;
  }
  lengthBuckets.set(ix, buckets);
  return buckets;
}

/**
 * The UTF-8 lengths a word within `max` typos of `folded` may have. A code point takes 1 to 4 bytes:
 * a match has at least wordLength - max code points (so bytes); an ASCII word's match has at most `max` other
 * code points, of up to 4 bytes each.
 */
function lengthRange(folded: string, max: number): [number, number] {
  const wordLength = [...folded].length;
  const bytes = new TextEncoder().encode(folded).length;
  return [
    Math.max(1, wordLength - max),
    bytes === wordLength ? wordLength + 4 * max : 4 * (wordLength + max),
  ];
}

/** How many dictionary words `typoCandidates` compares the word with: its cost, known before it runs. */
export function typoScanSize(ix: SearchIndex, folded: string, max: number): number {
  if ([...folded].length > word.length) return 0;
  const buckets = byLength(ix);
  const [lo, hi] = lengthRange(folded, max);
  let n = 0;
  for (let len = lo; len <= hi && len < buckets.length; len++) n += buckets[len]?.length ?? 0;
  return n;
}

/**
 * Dictionary words within `max` typos of a folded word, with their term. Words are bucketed by UTF-8
 * length on first use, and compared on code points decoded straight from the dictionary bytes.
 */
export function typoCandidatesByScan(
  ix: SearchIndex,
  folded: string,
  max: number,
): Array<{ t: number; d: number }> {
  const s = ix.surface;
  const buckets = byLength(ix);
  const chars = [...folded];
  if (chars.length > word.length) return [];
  for (let i = 0; i < chars.length; i++) word[i] = chars[i]!.codePointAt(0)!;
  const wordLength = chars.length;
  const [lo, hi] = lengthRange(folded, max);
  const out: Array<{ t: number; d: number }> = [];
  // An edit adds or removes at most one code point of a word's set: a word whose set differs from this
  // one's by more than `max` (bits, a lower bound) is turned away without decoding it.
  const wordMask = maskOf(word, wordLength);
  const surfaceSetMasks = surfaceMasks(ix);
  for (let len = lo; len <= hi && len < buckets.length; len++) {
    const bucket = buckets[len];
    if (!bucket) continue;
    if (cand.length < len) cand = new Uint32Array(len);
    for (let k = 0; k < bucket.length; k++) {
      const i = bucket[k]!;
      const m = surfaceSetMasks[i]!;
      if (bitCount(wordMask & ~m) > max || bitCount(m & ~wordMask) > max) continue;
      const candidateLength = codePoints(s.bytes, s.off[i]!, s.off[i + 1]!, cand);
      if (Math.abs(candidateLength - wordLength) > max) continue;
      const d = boundedDistance(word, wordLength, cand, candidateLength, max);
      if (d > 0 && d <= max) out.push({ t: ix.surfaceTerm[i]!, d });
    }
  }
  return out;
}
