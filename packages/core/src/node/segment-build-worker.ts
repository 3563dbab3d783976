// A worker of the live corpus (open-live-corpus.ts): builds one segment (createCorpus) from the store's
// current versions of the given ids, or from the articles it is handed, off the thread answering queries;
// writes its snapshot beside the store when told where, and posts the bytes back.
import type { Article } from '../model/article-schema';
import { createCorpus } from '../corpus/create-corpus';
import { checksum32 } from '../binary/checksum';
import { openStore } from './open-any-store';
import { writeKeptFile } from './kept-segments';

export interface SegmentBuildRequest {
  /** The store to read `ids` from (read-only; a path or a database URL, opened through openStore)… */
  db?: string;
  ids?: readonly string[];
  /** …or the articles themselves (a store without a path). */
  articles?: readonly Article[];
  /** Where to keep the snapshot (a folder and a file name), if anywhere. */
  keep?: { dir: string; file: string };
}

export interface SegmentBuildReply {
  bytes: Uint8Array;
  checksum: number;
  /** Whether the snapshot was kept where asked (a read-only folder is no failure). */
  kept: boolean;
  /** The worker thread that built it (set by the worker's bootstrap; absent when built on the caller's). */
  threadId?: number;
}

/** The articles a request names: the store's current versions (an id no longer stored is left out). */
async function articlesOf(req: SegmentBuildRequest): Promise<Article[]> {
  if (req.articles) return [...req.articles];
  const store = await openStore(req.db!, { readOnly: true });
  try {
    return await store.getMany(req.ids ?? []);
  } finally {
    await store.close();
  }
}

export async function run(req: SegmentBuildRequest): Promise<SegmentBuildReply> {
  const bytes = createCorpus(await articlesOf(req)).toSnapshot();
  let kept = false;
  if (req.keep)
    try {
      writeKeptFile(req.keep.dir, req.keep.file, bytes);
      kept = true;
    } catch {
      // A cache: not kept, still served.
    }
  return { bytes, checksum: checksum32(bytes), kept };
}
