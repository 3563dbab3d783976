// Offset sections (where each string, list or record starts) rise by small steps, and a text's ids
// mostly by one: stored as those steps, they compress to a fraction of the rising numbers (news 100k:
// 29 MB of gzip to 7), and a load adds them back up in one pass, the pass that checks them anyway.
// Steps are taken modulo 2^32, so any u32 array goes there and back exactly, rising or not.

/** The u32 sections a snapshot stores as steps: every offset section, and the documents' text ids. */
export const storedAsSteps = (name: string): boolean => /off$/i.test(name) || name === 'textIds';

/** Each number minus the one before it (the first as it is), modulo 2^32. */
export function toSteps(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let last = 0;
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i]! - last;
    last = a[i]!;
  }
  return out;
}

/** The numbers whose steps are `steps` (toSteps undone), in a new array. */
export function fromSteps(steps: Uint32Array): Uint32Array {
  const out = new Uint32Array(steps.length);
  let sum = 0;
  for (let i = 0; i < steps.length; i++) {
    sum = (sum + steps[i]!) >>> 0;
    out[i] = sum;
  }
  return out;
}
