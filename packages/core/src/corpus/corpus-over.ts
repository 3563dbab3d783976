import type { Corpus } from './components/corpus-types';
import { type CorpusState, corpusState } from './components/corpus-state';
import { articles } from './methods/articles';
import { entities } from './methods/entities';
import { entity } from './methods/entity';
import { facets } from './methods/facets';
import { get } from './methods/get';
import { list } from './methods/list';
import { quotes } from './methods/quotes';
import { related } from './methods/related';
import { search } from './methods/search';
import { timeline } from './methods/timeline';
import { toSnapshot } from './methods/to-snapshot';
import type { CorpusParts } from './snapshot/snapshot-codec';

// Each corpus's state, for the segmented corpus (`live/`), which reads its segments below their front door.
const states = new WeakMap<Corpus, CorpusState>();

/** The state a corpus built by corpusOver answers from (undefined for any other Corpus, e.g. a remote one). */
export const corpusStateOf = (corpus: Corpus): CorpusState | undefined => states.get(corpus);

/** The `Corpus` front door over an index and its article records: each method lives in `methods/`. */
export function corpusOver(parts: CorpusParts): Corpus {
  const state = corpusState(parts);
  const corpus: Corpus = {
    size: state.index.n,
    list: (params) => list(state, params),
    get: (idOrSlug) => get(state, idOrSlug),
    articles: (filters, sort) => articles(state, filters, sort),
    search: (params) => search(state, params),
    related: (idOrSlug, params) => related(state, idOrSlug, params),
    facets: (params) => facets(state, params),
    entities: (params) => entities(state, params),
    entity: (id) => entity(state, id),
    quotes: (params) => quotes(state, params),
    timeline: (params) => timeline(state, params),
    toSnapshot: () => toSnapshot(state),
  };
  states.set(corpus, state);
  return corpus;
}
