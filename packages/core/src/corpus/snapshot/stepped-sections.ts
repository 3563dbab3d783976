// Offset sections (where each string, list or record starts) rise by small steps, and a text's ids
// mostly by one: stored as those steps, they compress to a fraction of the rising numbers (news 100k:
// about 26 MB of gzip), and a load adds them back up. Adding up offsets also checks them: steps are
// never negative, so the sums rise unless they pass 2^32, which the sum's last value tells; the
// separate pass that checked rising offsets is no longer needed for them.

/**
 * The u32 sections a snapshot stores as steps: every offset section, the documents' text ids, each
 * surface word's term (surface words sort nearly as their terms do) and the documents' ranks by date
 * (documents are numbered nearly by date).
 */
const STEPPED_IDS = new Set(['textIds', 'surfaceTerm', 'oldestRank']);
export const storedAsSteps = (name: string): boolean => isOffsets(name) || STEPPED_IDS.has(name);

/** Offset sections: they must rise, and are restored by `risingFromSteps`. */
export const isOffsets = (name: string): boolean => /off$/i.test(name);

/** Each number minus the one before it (the first as it is), modulo 2^32: any u32 array goes there and back. */
export function toSteps(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let last = 0;
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i]! - last;
    last = a[i]!;
  }
  return out;
}

/**
 * The numbers whose steps are `steps` (toSteps undone, modulo 2^32), in a new array, or in `steps` itself
 * when `out` is it (a caller that owns the bytes: no array to allocate and fault in).
 */
export function fromSteps(steps: Uint32Array, out: Uint32Array = new Uint32Array(steps.length)): Uint32Array {
  let sum = 0;
  for (let i = 0; i < steps.length; i++) {
    sum = (sum + steps[i]!) >>> 0;
    out[i] = sum;
  }
  return out;
}

/**
 * Rising numbers from their steps, in a new array (or in `steps` itself, as fromSteps), or undefined when
 * they would pass 2^32 (a damaged section: rising offsets never wrap). The sum is exact in a double, so
 * one check at the end does.
 */
export function risingFromSteps(
  steps: Uint32Array,
  out: Uint32Array = new Uint32Array(steps.length),
): Uint32Array | undefined {
  let sum = 0;
  for (let i = 0; i < steps.length; i++) {
    sum += steps[i]!;
    out[i] = sum;
  }
  return sum > 0xffffffff ? undefined : out;
}
