import type { Article } from '../../model/article-schema';
import { liveDoc } from '../components/live-lookup';
import type { SegmentsState } from '../components/segments-state';

/** `corpus.get()` over segments: the live version of an article, by id or slug. */
export function get(state: SegmentsState, idOrSlug: string): Article | undefined {
  const found = liveDoc(state, idOrSlug);
  return found && state.segments[found.s]!.state.article(found.d);
}
