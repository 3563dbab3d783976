import type { CorpusStats, TypoMode } from '../../search/engine/evaluate-query';
import { expandWord } from '../../search/engine/expand-word';
import type { WorkBudget } from '../../search/query/work-budget';
import { liveDf } from './live-df';
import type { SegmentsState } from './segments-state';
import { unionVocabulary } from './union-vocabulary';

/**
 * One query's view of the live corpus for its segments' evaluation: its size and document counts, and
 * each word's expansions decided once over all segments (and paid for once from the query's budget), so
 * every segment reads the same terms with the same idf.
 */
export function corpusStats(state: SegmentsState, budget: WorkBudget): CorpusStats {
  const vocabulary = unionVocabulary(state, budget);
  const decided = new Map<string, ReturnType<CorpusStats['expansions']>>();
  return {
    n: state.size,
    df: (term) => liveDf(state, term),
    expansions(word, typos: TypoMode, perWord) {
      const key = JSON.stringify([word.key, word.folded, word.term, word.prefix, typos, perWord]);
      let exps = decided.get(key);
      if (!exps) {
        exps = expandWord(vocabulary, budget, word, typos, perWord).map((e) => {
          const ids = vocabulary.idsOf(e.t);
          return ids ? { ...e, df: vocabulary.df(e.t), ids } : { ...e, df: vocabulary.df(e.t) };
        });
        decided.set(key, exps);
      }
      return exps;
    },
  };
}
