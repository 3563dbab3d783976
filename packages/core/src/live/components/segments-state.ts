import type { CorpusState } from '../../corpus/components/corpus-state';
import type { Corpus } from '../../corpus/components/corpus-types';
import { corpusStateOf } from '../../corpus/corpus-over';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import { GazetteError } from '../../errors/gazette-error';
import { IdTable } from './id-table';

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

/** The corpus state of each segment, or a typed error naming the one that is not an ordinary corpus. */
function statesOf(corpora: readonly Corpus[]): CorpusState[] {
  return corpora.map((c, i) => {
    const s = corpusStateOf(c);
    if (!s)
      throw new GazetteError(
        'INVALID_PARAMS',
        `Segment ${i} is not a corpus built by createCorpus or loadCorpus.`,
        { where: `segments[${i}]` },
      );
    return s;
  });
}

/** The document holding article `id` in a segment (not one whose slug it is), if any. */
export function docOfId(state: CorpusState, id: string): number | undefined {
  const d = state.lookup(id);
  return d !== undefined && state.index.ids.at(d) === id ? d : undefined;
}

/**
 * The documents of a segment whose id is in `ids`: each id looked up when the set is the smaller,
 * else each document's id tested, so the cost is the smaller of the two.
 */
function docsWithIds(state: CorpusState, ids: ReadonlySet<string>): number[] {
  const out: number[] = [];
  if (ids.size === 0) return out;
  if (ids.size < state.index.n) {
    for (const id of ids) {
      const d = docOfId(state, id);
      if (d !== undefined) out.push(d);
    }
  } else for (let d = 0; d < state.index.n; d++) if (ids.has(state.index.ids.at(d))) out.push(d);
  return out;
}

/** The last segment made of each corpus: the next state reuses it while its dead documents are the same. */
const lastOf = new WeakMap<CorpusState, Segment>();

const sameDead = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a === null || b === null ? a === b : a.length === b.length && a.every((x, d) => x === b[d]);

/**
 * The segment of `state` with these dead documents: the one the last state made of it when they are the
 * same (a commit adds a segment and leaves the others as they were), so what is worked out per segment
 * (its dead documents' terms, entity counts) is carried from one state to the next instead of again.
 */
function sameAsLast(state: CorpusState, dead: Uint8Array | null): Segment {
  const last = lastOf.get(state);
  if (last && sameDead(last.dead, dead)) return last;
  let live = state.index.n;
  if (dead) for (let d = 0; d < dead.length; d++) live -= dead[d]!;
  const seg = { state, dead, live };
  lastOf.set(state, seg);
  return seg;
}

/**
 * The documents of a segment whose id a later segment holds: each later id looked up when they are the
 * fewer, else each document's id asked of the table (its bytes hashed in place), so the cost is the
 * smaller of the two.
 */
function docsInLater(state: CorpusState, later: IdTable): number[] {
  const out: number[] = [];
  if (later.size === 0) return out;
  const ids = state.index.ids;
  if (later.size < state.index.n) {
    for (const [column, i] of later.entries()) {
      const d = docOfId(state, column.at(i));
      if (d !== undefined) out.push(d);
    }
  } else for (let d = 0; d < state.index.n; d++) if (later.has(ids, d)) out.push(d);
  return out;
}

/**
 * Segments from corpora, oldest first: an article in a later segment hides its versions in earlier ones,
 * and `deleted` ids are hidden wherever they are. Walked newest first with the ids seen so far, each
 * segment costs the smaller of its size and the ids after it (and the deleted ones): adding a small
 * segment to a large one costs the small one's size, whatever the number of segments. The oldest
 * segment's ids are never listed.
 */
export function segmentsState(
  corpora: readonly Corpus[],
  deleted: ReadonlySet<string> = new Set(),
): SegmentsState {
  const states = statesOf(corpora);
  const later = new IdTable();
  const segments: Segment[] = [];
  for (let s = states.length - 1; s >= 0; s--) {
    const state = states[s]!;
    const n = state.index.n;
    let dead: Uint8Array | null = null;
    for (const d of [...docsInLater(state, later), ...docsWithIds(state, deleted)]) {
      dead ??= new Uint8Array(n);
      dead[d] = 1;
    }
    segments[s] = sameAsLast(state, dead);
    // A dead document's id is a later one's or a deleted one (hidden in older segments all the same).
    if (s > 0) later.addColumn(state.index.ids, n, dead);
  }
  return { segments, size: segments.reduce((n, s) => n + s.live, 0) };
}
