import type { Corpus } from '@gazette/core';
import type { CorpusSource } from '../deps';
import type { ReadCache } from '../http/read-cache';

/**
 * The corpus as of now, for one request, and the read cache kept to that corpus's version. A fixed corpus
 * is always itself. A live one is read afresh, its version read in the same synchronous step, so the cache
 * is emptied before anything made from the new version goes into it (and never holds two versions). The
 * version is the store's revision and change seq: what the answers are made from (a merge of segments
 * changes neither, nor any answer, so the cache survives it).
 */
export function currentCorpus(
  source: CorpusSource,
  reads: ReadCache,
): { current: () => Corpus; followVersion: () => void } {
  const { live, corpus } = source;
  if (!live) {
    if (!corpus) throw new TypeError('createApp needs a corpus, or a live corpus.');
    return { current: () => corpus, followVersion: () => {} };
  }
  const followVersion = () => {
    const { revision, seq } = live.version();
    reads.follow(`${revision}:${seq}`);
  };
  return {
    current: () => {
      followVersion();
      return live.corpus();
    },
    followVersion,
  };
}
