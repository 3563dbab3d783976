import type { CorpusState } from '../../corpus/components/corpus-state';
import type { Corpus } from '../../corpus/components/corpus-types';
import { corpusStateOf } from '../../corpus/corpus-over';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import { GazetteError } from '../../errors/gazette-error';

/**
 * One segment of a live corpus: an ordinary corpus over some of the articles, and which of its documents
 * are dead (superseded by a later segment's version of the same article, or deleted). Segments are
 * immutable; a newer version of an article lands in a newer segment and tombstones the older one.
 */
export interface Segment {
  readonly state: CorpusState;
  /** 1 for a dead document (by the segment's document number); null when none is. */
  readonly dead: Uint8Array | null;
  /** Live documents in this segment. */
  readonly live: number;
}

/** What every query function of a segmented corpus reads: its segments, oldest first. */
export interface SegmentsState {
  readonly segments: readonly Segment[];
  /** Live documents in all segments (the corpus's size). */
  readonly size: number;
}

/** A document of a segmented corpus: its segment and its number there. */
export interface SegmentDoc {
  s: number;
  d: number;
}

/** Is document d of segment s live? */
export const isLive = (state: SegmentsState, s: number, d: number): boolean => {
  const dead = state.segments[s]!.dead;
  return dead === null || dead[d] === 0;
};

/**
 * The global document order (newest first, undated last, ties by id): the order a corpus built at once
 * from the live articles numbers its documents in, so it is also every tie-break.
 */
export function compareSegmentDocs(state: SegmentsState, a: SegmentDoc, b: SegmentDoc): number {
  if (a.s === b.s) return a.d - b.d;
  return compareNewestKey(
    state.segments[a.s]!.state.dates.key(a.d),
    state.segments[b.s]!.state.dates.key(b.d),
  );
}

/**
 * Segments from corpora, oldest first: an article in a later segment hides its versions in earlier ones,
 * and `deleted` ids are hidden wherever they are. Only the later segments' ids are looked up in the earlier
 * ones, so adding a small segment to a large one costs the small one's size.
 */
export function segmentsState(
  corpora: readonly Corpus[],
  deleted: ReadonlySet<string> = new Set(),
): SegmentsState {
  const states = corpora.map((c, i) => {
    const s = corpusStateOf(c);
    if (!s)
      throw new GazetteError(
        'INVALID_PARAMS',
        `Segment ${i} is not a corpus built by createCorpus or loadCorpus.`,
        {
          where: `segments[${i}]`,
        },
      );
    return s;
  });
  const dead = states.map((): Uint8Array | null => null);
  const kill = (s: number, d: number) => {
    dead[s] ??= new Uint8Array(states[s]!.index.n);
    dead[s][d] = 1;
  };
  for (const id of deleted)
    for (let s = 0; s < states.length; s++) {
      const d = states[s]!.lookup(id);
      if (d !== undefined && states[s]!.index.ids.at(d) === id) kill(s, d);
    }
  for (let later = 1; later < states.length; later++) {
    const ix = states[later]!.index;
    for (let d = 0; d < ix.n; d++) {
      const id = ix.ids.at(d);
      for (let s = 0; s < later; s++) {
        const e = states[s]!.lookup(id);
        if (e !== undefined && states[s]!.index.ids.at(e) === id) kill(s, e);
      }
    }
  }
  const segments = states.map((state, s) => {
    const ds = dead[s];
    let live = state.index.n;
    if (ds) for (let d = 0; d < ds.length; d++) live -= ds[d]!;
    return { state, dead: ds ?? null, live };
  });
  return { segments, size: segments.reduce((n, s) => n + s.live, 0) };
}
