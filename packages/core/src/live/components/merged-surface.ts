import { compareStored, StringColumn } from '../../binary/string-column';
import type { TypoDictionary } from '../../search/engine/typo-candidates';
import type { SearchIndex } from '../../search/index/search-index';
import { leastStoredHead } from './least-stored-head';
import type { SegmentsState } from './segments-state';

/** A dictionary a typo walk reads, and the term of its word w. */
export interface TypoSource {
  dictionary: TypoDictionary;
  termOf(w: number): string;
}

/**
 * Some segments' surface dictionaries as one (each word once, in code point order), for typo walks: one
 * walk visits a prefix the segments share once, where a walk per segment visits it in each (a typo
 * lookup over three 100k segments cost about three over one). Word w is word `word[w]` of index
 * `indexes[segment[w]]` (one holding it); its term is that index's term for it, the same in any
 * segment (a word's term is its analysis).
 */
export interface MergedSurface extends TypoSource {
  /** The surface columns merged, oldest segment first. */
  columns: readonly StringColumn[];
  segment: Uint16Array;
  word: Uint32Array;
}

/** The surface columns of indexes merged: one pass over every dictionary. */
export function mergeSurfaces(indexes: readonly SearchIndex[]): MergedSurface {
  const columns = indexes.map((ix) => ix.surface);
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
  const ends = columns.map((c) => c.length);
  let n = 0;
  let end = 0;
  for (;;) {
    const least = leastStoredHead(columns, at, ends);
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
  // A walk names a word's term through surfaceTerm: here the word's own number, mapped back by termOf.
  const surfaceTerm = Uint32Array.from({ length: n }, (_, w) => w);
  const merged: MergedSurface = {
    dictionary: { surface, surfaceTerm },
    columns,
    segment: segment.slice(0, n),
    word: word.slice(0, n),
    termOf: (w) => {
      const ix = indexes[merged.segment[w]!]!;
      return ix.terms.at(ix.surfaceTerm[merged.word[w]!]!);
    },
  };
  return merged;
}

/** An index's own dictionary as a typo source. */
const ownSource = (ix: SearchIndex): TypoSource => ({
  dictionary: ix,
  termOf: (w) => ix.terms.at(ix.surfaceTerm[w]!),
});

/**
 * Merged dictionaries by their oldest column, the last few made: a live corpus's next state (a commit
 * adds a segment after the others) finds the merge of the segments it shares with the last one.
 */
const mergedByOldest = new WeakMap<StringColumn, MergedSurface[]>();
const KEPT = 2;
/** Segments after a kept merge are walked on their own while their words are under this share of it. */
const OWN_SHARE = 0.25;

/**
 * The dictionaries a typo lookup over the segments walks: the merge of all of them, made on the first
 * lookup; or, when a merge made for fewer segments (a state before a commit) covers all but a few small
 * ones, that merge and each of those on its own, so a commit does not merge every dictionary again.
 */
export function typoSources(state: SegmentsState): TypoSource[] {
  const indexes = state.segments.map((seg) => seg.state.index);
  if (indexes.length === 1) return [ownSource(indexes[0]!)];
  const columns = indexes.map((ix) => ix.surface);
  // Merges of segments this state no longer starts with hold retired segments: they are dropped.
  const kept = (mergedByOldest.get(columns[0]!) ?? []).filter(
    (m) => m.columns.length <= columns.length && m.columns.every((c, i) => c === columns[i]),
  );
  const best = kept.reduce<MergedSurface | undefined>(
    (b, m) => (!b || m.columns.length > b.columns.length ? m : b),
    undefined,
  );
  if (best) {
    const rest = indexes.slice(best.columns.length);
    const words = rest.reduce((n, ix) => n + ix.surface.length, 0);
    if (rest.length === 0) return [best];
    if (words < OWN_SHARE * best.dictionary.surface.length) return [best, ...rest.map(ownSource)];
  }
  const merged = mergeSurfaces(indexes);
  mergedByOldest.set(columns[0]!, [merged, ...kept].slice(0, KEPT));
  return [merged];
}
