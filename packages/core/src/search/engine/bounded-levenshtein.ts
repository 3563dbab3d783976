// Reused rows: the distance runs on thousands of dictionary words per typo lookup.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau (optimal string alignment) distance of code points a[0, la) and b[0, lb) if at most `max`, else max + 1: a swap of two
 * neighbouring letters is one typo, as in Meilisearch. Banded, with early exit.
 */
export function boundedDistance(a: Uint32Array, la: number, b: Uint32Array, lb: number, max: number): number {
  const big = max + 1;
  if (Math.abs(la - lb) > max) return big;
  if (rows[0]!.length <= lb) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= lb; j++) {
    prev[j] = j;
    prev2[j] = big;
  }
  for (let i = 1; i <= la; i++) {
    cur.fill(big, 0, lb + 1);
    cur[0] = i;
    let rowMin = i;
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    const charA = a[i - 1]!;
    for (let j = from; j <= to; j++) {
      const charB = b[j - 1]!;
      let v = prev[j - 1]! + (charA === charB ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && charA === b[j - 2] && a[i - 2] === charB) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb]!, big);
}
