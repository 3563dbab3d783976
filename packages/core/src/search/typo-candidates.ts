import { boundedDistance } from './bounded-levenshtein';
import type { SearchIndex } from './search-index';

const word = new Uint32Array(256);
let cand = new Uint32Array(256);

/** Code points of bytes[from, to) (UTF-8) into out; returns the count. */
function codePoints(bytes: Uint8Array, from: number, to: number, out: Uint32Array): number {
  let n = 0;
  for (let i = from; i < to && n < out.length; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      out[n++] = c;
      i++;
    } else if (c < 0xe0) {
      out[n++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      out[n++] = ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      out[n++] =
        ((c & 0x07) << 18) |
        ((bytes[i + 1]! & 0x3f) << 12) |
        ((bytes[i + 2]! & 0x3f) << 6) |
        (bytes[i + 3]! & 0x3f);
      i += 4;
    }
  }
  return n;
}

/**
 * Dictionary words within `max` typos of a folded word, with their term. Words are bucketed by UTF-8
 * length on first use, and compared on code points decoded straight from the dictionary bytes.
 */
export function typoCandidates(
  ix: SearchIndex,
  folded: string,
  max: number,
): Array<{ t: number; d: number }> {
  const s = ix.surface;
  if (!ix.surfaceByLength) {
    const counts: number[] = [];
    for (let i = 0; i < s.length; i++) counts[s.size(i)] = (counts[s.size(i)] ?? 0) + 1;
    const buckets = Array.from(counts, (c) => new Uint32Array(c ?? 0));
    const fill = new Array<number>(buckets.length).fill(0);
    for (let i = 0; i < s.length; i++) {
      const b = s.size(i);
      buckets[b]![fill[b]!++] = i;
    }
    ix.surfaceByLength = buckets;
  }
  const cps = [...folded];
  if (cps.length > word.length) return [];
  for (let i = 0; i < cps.length; i++) word[i] = cps[i]!.codePointAt(0)!;
  const la = cps.length;
  const bytes = new TextEncoder().encode(folded).length;
  // A code point takes 1 to 4 bytes: lengths within `max` code points span this byte range.
  // A match has at least la - max code points (so bytes); an ASCII word's match has at most `max`
  // other code points, of up to 4 bytes each.
  const lo = Math.max(1, la - max);
  const hi = bytes === la ? la + 4 * max : 4 * (la + max);
  const out: Array<{ t: number; d: number }> = [];
  for (let len = lo; len <= hi && len < ix.surfaceByLength.length; len++) {
    const bucket = ix.surfaceByLength[len];
    if (!bucket) continue;
    if (cand.length < len) cand = new Uint32Array(len);
    for (let k = 0; k < bucket.length; k++) {
      const i = bucket[k]!;
      const lb = codePoints(s.bytes, s.off[i]!, s.off[i + 1]!, cand);
      if (Math.abs(lb - la) > max) continue;
      const d = boundedDistance(word, la, cand, lb, max);
      if (d > 0 && d <= max) out.push({ t: ix.surfaceTerm[i]!, d });
    }
  }
  return out;
}
