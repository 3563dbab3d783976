import { compareStored, StringColumn } from '../../binary/string-column';
import type { TypoDictionary } from '../../search/engine/typo-candidates';
import type { SegmentsState } from './segments-state';

/**
 * The segments' surface dictionaries as one (each word once, in code point order), for typo walks: one
 * walk visits a prefix the segments share once, where a walk per segment visits it in each (a typo
 * lookup over three 100k segments cost about three over one). Word w is word `word[w]` of segment
 * `segment[w]` (one segment holding it); its term is that segment's term for it, the same in any
 * segment (a word's term is its analysis).
 */
export interface MergedSurface {
  dictionary: TypoDictionary;
  segment: Uint16Array;
  word: Uint32Array;
}

/** Merged dictionaries, per state (built on its first typo lookup; segments never change). */
const mergedOf = new WeakMap<SegmentsState, MergedSurface>();

/** The segments' surface words merged, built once per state: one pass over every segment's dictionary. */
export function mergedSurface(state: SegmentsState): MergedSurface {
  const known = mergedOf.get(state);
  if (known) return known;
  const columns = state.segments.map((seg) => seg.state.index.surface);
  let words = 0;
  let size = 0;
  for (const c of columns) {
    words += c.length;
    size += c.bytes.length;
  }
  const bytes = new Uint8Array(size);
  const off = new Uint32Array(words + 1);
  const segment = new Uint16Array(words);
  const word = new Uint32Array(words);
  const at = new Uint32Array(columns.length);
  let n = 0;
  let end = 0;
  for (;;) {
    // The least word at the segments' heads (there are few segments: a scan beats a heap).
    let least = -1;
    for (let s = 0; s < columns.length; s++)
      if (
        at[s]! < columns[s]!.length &&
        (least < 0 || compareStored(columns[s]!, at[s]!, at[least]!, columns[least]!) < 0)
      )
        least = s;
    if (least < 0) break;
    const c = columns[least]!;
    const i = at[least]!;
    for (let p = c.off[i]!; p < c.off[i + 1]!; p++) bytes[end++] = c.bytes[p]!;
    off[n + 1] = end;
    segment[n] = least;
    word[n] = i;
    n++;
    // The same word at the other heads is the one just taken.
    for (let s = 0; s < columns.length; s++)
      if (at[s]! < columns[s]!.length && compareStored(columns[s]!, at[s]!, i, c) === 0) at[s]!++;
  }
  const surface = new StringColumn(bytes.slice(0, off[n]!), off.slice(0, n + 1));
  // A walk names a word's term through surfaceTerm: here the word's own number, mapped back by the caller.
  const surfaceTerm = Uint32Array.from({ length: n }, (_, w) => w);
  const merged = {
    dictionary: { surface, surfaceTerm },
    segment: segment.slice(0, n),
    word: word.slice(0, n),
  };
  mergedOf.set(state, merged);
  return merged;
}
