import type { Corpus } from '../corpus/components/corpus-types';
import type { Article } from '../model/article-schema';
import type { AsyncArticleStore } from '../store/async-store-types';
import { createCorpusInParallel } from './create-corpus-in-parallel';
import {
  cleanKeptSegments,
  type KeptSegment,
  loadKeptSegments,
  readManifest,
  SEGMENT_CODE,
  writeManifest,
  writeSegmentFile,
} from './kept-segments';
import { type CheckedPoint, changedSince, checkedPointAt, editedOutside } from './store-catch-up';

/** A segment of a store's live corpus: its corpus, the change-log range (from, to] it covers, its file if kept. */
export interface LiveSegment {
  corpus: Corpus;
  from: number;
  to: number;
  kept?: KeptSegment;
}

/** Where a store's segments are kept, and under which store id. */
export interface KeepPlace {
  dir: string;
  store: string;
}

/** Where a live corpus starts: its segments, the last change they include, a checked point if known. */
export interface StartedSegments {
  segments: LiveSegment[];
  seq: number;
  checked: CheckedPoint | undefined;
}

/**
 * Segments of the articles `from` yields, `most` to a segment, so the articles read at once are one
 * segment's, not the store's (a million articles do not fit in memory). The first covers the change
 * log's range (at, last]; the others hold no range of their own, (last, last]: their articles are
 * disjoint from the first's, and a later change still lands in a later segment.
 */
async function segmentsOf(
  from: AsyncIterable<Article>,
  at: number,
  last: number,
  most: number,
): Promise<LiveSegment[]> {
  const segments: LiveSegment[] = [];
  let batch: Article[] = [];
  const cut = () => {
    segments.push({ corpus: createCorpusInParallel(batch), from: segments.length ? last : at, to: last });
    batch = [];
  };
  for await (const a of from) {
    batch.push(a);
    if (batch.length >= most) cut();
  }
  if (batch.length || !segments.length) cut();
  return segments;
}

/** The articles of `ids`, read `most` at a time. */
async function* articlesOf(store: AsyncArticleStore, ids: readonly string[], most: number) {
  for (let i = 0; i < ids.length; i += most) yield* await store.getMany(ids.slice(i, i + most));
}

/** The kept segments that are usable (whole, of this store, of this code, not overtaken by an outside edit). */
async function keptSegmentsOf(
  store: AsyncArticleStore,
  place: KeepPlace,
  notice: (line: string) => void,
): Promise<{ segments: LiveSegment[]; checked?: CheckedPoint | undefined }> {
  const read = readManifest(place.dir, place.store);
  if ('refused' in read) {
    if (read.refused === 'damaged' || read.refused === 'foreign')
      notice(
        `the kept segments ${place.dir} are ${read.refused} (${read.why}); rebuilt them from the store.`,
      );
    return { segments: [] };
  }
  const { manifest } = read;
  const checked = manifest.checked;
  // An edit outside Gazette (the sqlite3 shell) moves the revision but logs no change: start again.
  if (checked && (await editedOutside(store, checked))) return { segments: [] };
  const loaded = loadKeptSegments(place.dir, manifest);
  if (loaded.damaged)
    notice(`a kept segment in ${place.dir} is damaged (${loaded.damaged}); rebuilt it from the store.`);
  const segments = loaded.segments.map(({ corpus, ...kept }) => ({
    corpus,
    from: kept.from,
    to: kept.to,
    kept,
  }));
  // Segments past the store's log (a store put back from an older copy) hold what it no longer does.
  const at = segments.at(-1)?.to ?? 0;
  if (at > 0 && (await store.changes(at - 1, 1)).changes[0]?.seq !== at) return { segments: [] };
  return { segments, checked };
}

/**
 * The segments a live corpus starts from: the kept ones, and a tail built from the changes logged after
 * them (on every core: start waits for it), or, when nothing is kept, the whole store; what is built is
 * cut in segments of at most `most` articles.
 */
export async function startSegments(
  store: AsyncArticleStore,
  place: KeepPlace | undefined,
  notice: (line: string) => void,
  most: number = Number.POSITIVE_INFINITY,
): Promise<StartedSegments> {
  const kept = place ? await keptSegmentsOf(store, place, notice) : { segments: [] };
  const segments = kept.segments;
  if (segments.length === 0) {
    // Read the log's end before the articles: a commit in between is then in both (a later segment wins).
    const last = (await changedSince(store, 0)).last;
    segments.push(...(await segmentsOf(store.iterate(), 0, last, most)));
  } else {
    const at = segments.at(-1)!.to;
    const tail = await changedSince(store, at);
    if (tail.count > 0)
      segments.push(...(await segmentsOf(articlesOf(store, tail.ids, most), at, tail.last, most)));
  }
  const seq = segments.at(-1)!.to;
  return { segments, seq, checked: (await checkedPointAt(store, seq)) ?? kept.checked };
}

/**
 * Keeps the segments not kept yet and the manifest naming them all (best effort: a read-only folder
 * just means nothing is kept). False when nothing could be written.
 */
export function keepSegments(
  place: KeepPlace,
  segments: readonly LiveSegment[],
  checked: CheckedPoint | undefined,
): boolean {
  try {
    for (const s of segments) s.kept ??= writeSegmentFile(place.dir, s.from, s.to, s.corpus.toSnapshot());
    const manifest = {
      store: place.store,
      code: SEGMENT_CODE,
      ...(checked ? { checked } : {}),
      segments: segments.map((s) => s.kept!),
    };
    writeManifest(place.dir, manifest);
    cleanKeptSegments(place.dir, manifest);
    return true;
  } catch {
    return false;
  }
}
