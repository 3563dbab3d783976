/**
 * The values of the lists `keys` name, in one ascending array, each once: list `k` is
 * `values[off[k]]` to `values[off[k + 1]]` (an index's offsets-and-values layout).
 */
export function gatherUnique(
  keys: Iterable<number>,
  off: ArrayLike<number>,
  values: ArrayLike<number>,
): Uint32Array {
  let n = 0;
  for (const key of keys) n += off[key + 1]! - off[key]!;
  const out = new Uint32Array(n);
  let k = 0;
  for (const key of keys) for (let j = off[key]!; j < off[key + 1]!; j++) out[k++] = values[j]!;
  out.sort();
  let u = 0;
  for (let i = 0; i < k; i++) if (i === 0 || out[i] !== out[i - 1]) out[u++] = out[i]!;
  return out.subarray(0, u);
}
