/**
 * The best k items in order (`better(a, b)`: a ranks before b), kept in a small sorted buffer: most items
 * are turned away by one comparison with the worst kept, so picking 10 of thousands costs about a pass.
 */
export function topK<T>(items: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const x of items) {
    if (out.length === k && !better(x, out[k - 1]!)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(x, out[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}
