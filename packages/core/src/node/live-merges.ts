import type { Corpus } from '../corpus/components/corpus-types';
import { createCorpus, loadCorpus } from '../corpus/create-corpus';
import { DEFAULT_MERGE_POLICY, type MergePolicy, pickMerge } from '../live/components/merge-policy';
import { isLive, segmentsState } from '../live/components/segments-state';
import type { AsyncArticleStore } from '../store/async-store-types';
import type { SegmentBuild, SegmentBuilders, SegmentBuildRequest } from './build-segment';
import { segmentFileName } from './kept-segments';
import type { KeepPlace, LiveSegment } from './live-start';

/** The live ids of segments [from, to) given every segment (a later segment's version hides earlier ones). */
function liveIds(corpora: readonly Corpus[], from: number, to: number): string[] {
  const state = segmentsState(corpora);
  const ids: string[] = [];
  for (let s = from; s < to; s++) {
    const ix = state.segments[s]!.state.index;
    for (let d = 0; d < ix.n; d++) if (isLive(state, s, d)) ids.push(ix.ids.at(d));
  }
  return ids;
}

/**
 * The merge to start beside those running, if any: the policy's pick among the segments after the last
 * one a running merge replaces (new segments only come after, so those stay free until it ends). A
 * small merge of fresh segments then never waits behind a long one (a full merge of 100k articles runs
 * for minutes while commits add segments every poll).
 */
export function mergeBeside(
  segments: readonly LiveSegment[],
  running: readonly RunningMerge[],
  policy: MergePolicy = DEFAULT_MERGE_POLICY,
): { from: number; to: number; live: number } | undefined {
  let free = 0;
  for (const m of running) free = Math.max(free, segments.indexOf(m.replaces.at(-1)!) + 1);
  const pick = nextMerge(segments.slice(free), policy);
  return pick && { from: free + pick.from, to: free + pick.to, live: pick.live };
}

/** The merge the policy picks over these segments, if any, with the live articles it would rewrite. */
export function nextMerge(segments: readonly LiveSegment[], policy: MergePolicy = DEFAULT_MERGE_POLICY) {
  const corpora = segments.map((s) => s.corpus);
  const state = segmentsState(corpora);
  const range = pickMerge(
    state.segments.map((s) => ({ docs: s.state.index.n, live: s.live })),
    policy,
  );
  if (!range) return undefined;
  let live = 0;
  for (let s = range.from; s < range.to; s++) live += state.segments[s]!.live;
  return { ...range, live };
}

/**
 * A one-shot reader (no background to merge in) merges here the runs the policy picks while they hold at
 * most `most` live articles: repeated CLI reads between commits then keep few small segments, and the
 * large merges are left to a reader that follows the store.
 */
export async function mergeSmallHere(
  store: AsyncArticleStore,
  segments: readonly LiveSegment[],
  policy: MergePolicy,
  most: number,
): Promise<LiveSegment[]> {
  let out = [...segments];
  for (let m = nextMerge(out, policy); m && m.live <= most; m = nextMerge(out, policy)) {
    const ids = liveIds(
      out.map((s) => s.corpus),
      m.from,
      m.to,
    );
    const corpus = createCorpus(await store.getMany(ids));
    out = [
      ...out.slice(0, m.from),
      { corpus, from: out[m.from]!.from, to: out[m.to - 1]!.to },
      ...out.slice(m.to),
    ];
  }
  return out;
}

/** A build in a worker of a request still being read (the articles of a store without a path). */
function buildOnceRead(builders: SegmentBuilders, request: Promise<SegmentBuildRequest>): SegmentBuild {
  let stopped = false;
  let build: SegmentBuild | undefined;
  const done = request.then((r) => {
    if (stopped) throw new Error('the segment build was stopped');
    build = builders.build(r);
    return build.done;
  });
  return {
    done,
    stop() {
      stopped = true;
      build?.stop();
    },
  };
}

/** A merge under way: the segments it replaces, and its build. */
export interface RunningMerge {
  replaces: readonly LiveSegment[];
  /** The live articles it rewrites. */
  live: number;
  build: SegmentBuild;
  /** The merged segment, once built (kept beside the store when it could be). */
  merged: Promise<LiveSegment>;
}

/**
 * Starts merging segments [from, to) in a worker thread: one segment of their live articles (the store's
 * current versions, read in the worker when the store has a path), kept beside the store when asked.
 */
export function startMerge(
  builders: SegmentBuilders,
  store: AsyncArticleStore,
  db: string | undefined,
  place: KeepPlace | undefined,
  segments: readonly LiveSegment[],
  range: { from: number; to: number; live: number },
): RunningMerge {
  const replaces = segments.slice(range.from, range.to);
  const ids = liveIds(
    segments.map((s) => s.corpus),
    range.from,
    range.to,
  );
  const from = replaces[0]!.from;
  const to = replaces.at(-1)!.to;
  const file = segmentFileName(from, to);
  const keep = place ? { keep: { dir: place.dir, file } } : {};
  const build = db
    ? builders.build({ db, ids, ...keep })
    : buildOnceRead(
        builders,
        store.getMany(ids).then((articles) => ({ articles, ...keep })),
      );
  const merged = build.done.then((reply) => ({
    corpus: loadCorpus(reply.bytes),
    from,
    to,
    ...(reply.kept ? { kept: { file, from, to, bytes: reply.bytes.length, checksum: reply.checksum } } : {}),
  }));
  return { replaces, live: range.live, build, merged };
}

/**
 * The segments with a finished merge swapped in: the run it replaces is still there, in order (merges
 * running at once replace runs that do not overlap, and new segments only come after), and segments
 * added meanwhile stay after it.
 */
export function swapIn(
  segments: readonly LiveSegment[],
  merge: RunningMerge,
  merged: LiveSegment,
): LiveSegment[] {
  const at = segments.indexOf(merge.replaces[0]!);
  if (at < 0 || merge.replaces.some((s, i) => segments[at + i] !== s)) return [...segments];
  return [...segments.slice(0, at), merged, ...segments.slice(at + merge.replaces.length)];
}
