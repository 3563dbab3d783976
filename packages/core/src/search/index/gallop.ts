/** The first index at or after `from` whose document is >= target (docs ascending). */
export function gallop(docs: Uint32Array, from: number, target: number): number {
  let step = 1;
  let hi = from;
  while (hi < docs.length && docs[hi]! < target) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, docs.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (docs[mid]! < target) from = mid + 1;
    else hi = mid;
  }
  return from;
}
