import type { Corpus } from '../../corpus/components/corpus-types';
import { createCorpus } from '../../corpus/create-corpus';
import type { Article } from '../../model/article-schema';
import { isLive, type SegmentsState } from '../components/segments-state';

const built = new WeakMap<SegmentsState, Corpus>();

/**
 * The corpus a build at once would give from the segments' live articles: what every segmented method
 * must equal, and (until a method answers from the segments themselves) what it answers from. Costs a
 * full build on first use per state.
 */
export function builtAtOnce(state: SegmentsState): Corpus {
  let corpus = built.get(state);
  if (!corpus) {
    const articles: Article[] = [];
    state.segments.forEach((seg, s) => {
      for (let d = 0; d < seg.state.index.n; d++)
        if (isLive(state, s, d)) articles.push(seg.state.article(d));
    });
    corpus = createCorpus(articles);
    built.set(state, corpus);
  }
  return corpus;
}
