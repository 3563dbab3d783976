import type { CorpusState } from '../../corpus/components/corpus-state';
import type { SegmentsState } from './segments-state';

/**
 * The one segment's corpus when it is the whole live corpus (one segment, nothing dead): it answers as
 * itself, with no segment merging at all.
 */
export function soleSegment(state: SegmentsState): CorpusState | undefined {
  const [only, ...rest] = state.segments;
  return only && rest.length === 0 && only.dead === null ? only.state : undefined;
}
