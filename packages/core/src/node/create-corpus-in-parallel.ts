import { createCorpusWith } from '../corpus/create-corpus';
import type { Corpus } from '../corpus/components/corpus-types';
import type { Article } from '../model/article-schema';
import { type ParallelOptions, startIndexBuild } from './parallel-index';

/**
 * createCorpus with its index built on every core (worker threads analyse later ranges of the articles
 * while this thread analyses the first and builds the article records): the same corpus, sooner.
 * Small corpora, and any corpus on a machine whose cores are busy, are built on this thread alone.
 */
export function createCorpusInParallel(input: readonly Article[], options?: ParallelOptions): Corpus {
  return createCorpusWith(input, (newest) => startIndexBuild(newest, options));
}
