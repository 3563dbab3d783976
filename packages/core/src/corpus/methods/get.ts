import type { Article } from '../../model/article-schema';
import type { CorpusState } from '../components/corpus-state';

/** `corpus.get()`: one article by id or slug. */
export function get(state: CorpusState, idOrSlug: string): Article | undefined {
  const d = state.lookup(idOrSlug);
  return d === undefined ? undefined : state.article(d);
}
