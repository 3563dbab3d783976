/**
 * The q-quantile (0..1) of `xs` by nearest rank: the value at floor(q * n) in ascending order, the last
 * for q = 1; NaN when there is none. One definition for every bench's p50 and p95.
 */
export function quantile(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
