import type { CorpusState } from '../components/corpus-state';
import type { CorpusSnapshot } from '../components/corpus-types';
import { encodeSnapshot } from '../snapshot/snapshot-codec';

/** `corpus.toSnapshot()`: the corpus as bytes that `loadCorpus` maps back without re-analysing. */
export function toSnapshot(state: CorpusState): CorpusSnapshot {
  return encodeSnapshot(state.parts);
}
