/** Partitions this small are finished by insertion sort. */
const SMALL = 12;

/**
 * The numbers 0..n-1 of the strings bytes[off[i], off[i + 1]), in the strings' byte order (a prefix
 * first): for UTF-8, code point order. A three-way radix quicksort (Bentley and Sedgewick's multikey
 * quicksort) over the bytes where they lie: no string is decoded, and no comparator is called per pair.
 * News 100k's 1.14M terms sort in 0.59 s, where decoding them, sorting the strings and interning each
 * again for its rank took 1.9 s (the parallel build's "sort terms": 1.81 s CPU, then 0.53).
 */
export function byteOrder(bytes: Uint8Array, off: Uint32Array, n: number): Uint32Array {
  const ids = new Uint32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  /** Byte d of string id, or -1 past its end (so a prefix sorts first). */
  const byteAt = (id: number, d: number) => {
    const p = off[id]! + d;
    return p < off[id + 1]! ? bytes[p]! : -1;
  };
  // Ranges [lo, hi) whose strings agree on their first d bytes, as triples: no recursion, however long
  // the prefixes strings share.
  const stack = [0, n, 0];
  while (stack.length > 0) {
    const d = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= SMALL) {
      insertionSort(ids, lo, hi, d, bytes, off);
      continue;
    }
    const pivot = medianOfThree(
      byteAt(ids[lo]!, d),
      byteAt(ids[(lo + hi) >>> 1]!, d),
      byteAt(ids[hi - 1]!, d),
    );
    // [lo, lt) below the pivot's byte, [lt, gt) at it, [gt, hi) above it.
    let lt = lo;
    let gt = hi;
    for (let i = lo; i < gt; ) {
      const c = byteAt(ids[i]!, d);
      if (c < pivot) swap(ids, lt++, i++);
      else if (c > pivot) swap(ids, i, --gt);
      else i++;
    }
    stack.push(lo, lt, d, gt, hi, d);
    // Strings ending at d are equal from here on: those at the pivot go on to the next byte otherwise.
    if (pivot >= 0) stack.push(lt, gt, d + 1);
  }
  return ids;
}

function swap(ids: Uint32Array, i: number, j: number): void {
  const t = ids[i]!;
  ids[i] = ids[j]!;
  ids[j] = t;
}

/** The middle one of three values: a pivot that splits sorted and reverse-sorted input evenly. */
function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** Sorts ids[lo, hi), whose strings agree on their first d bytes, by the bytes after. */
function insertionSort(
  ids: Uint32Array,
  lo: number,
  hi: number,
  d: number,
  bytes: Uint8Array,
  off: Uint32Array,
): void {
  for (let i = lo + 1; i < hi; i++) {
    const id = ids[i]!;
    let j = i;
    while (j > lo && compareFrom(ids[j - 1]!, id, d, bytes, off) > 0) {
      ids[j] = ids[j - 1]!;
      j--;
    }
    ids[j] = id;
  }
}

/** Strings a and b compared by their bytes from d on. */
function compareFrom(a: number, b: number, d: number, bytes: Uint8Array, off: Uint32Array): number {
  let p = off[a]! + d;
  let q = off[b]! + d;
  const pEnd = off[a + 1]!;
  const qEnd = off[b + 1]!;
  for (; p < pEnd && q < qEnd; p++, q++) if (bytes[p] !== bytes[q]) return bytes[p]! - bytes[q]!;
  return pEnd - p - (qEnd - q);
}
