import type { Corpus } from '../corpus/components/corpus-types';
import { builtAtOnce } from './methods/built-at-once';
import { facets } from './methods/facets';
import { related } from './methods/related';
import { search } from './methods/search';
import { segmentsState } from './components/segments-state';

/**
 * One corpus over segments (oldest first): answers every query function as a corpus built at once from
 * their live articles would. An article in a later segment replaces its versions in earlier ones;
 * `deleted` ids are hidden. Each method lives in `methods/`.
 */
export function segmentedCorpus(
  corpora: readonly Corpus[],
  options: { deleted?: ReadonlySet<string> } = {},
): Corpus {
  const state = segmentsState(corpora, options.deleted);
  const once = () => builtAtOnce(state);
  return {
    size: state.size,
    list: (params) => once().list(params),
    get: (idOrSlug) => once().get(idOrSlug),
    articles: (filters, sort) => once().articles(filters, sort),
    search: (params) => search(state, params),
    related: (idOrSlug, params) => related(state, idOrSlug, params),
    facets: (params) => facets(state, params),
    entities: (params) => once().entities(params),
    entity: (id) => once().entity(id),
    quotes: (params) => once().quotes(params),
    timeline: (params) => once().timeline(params),
    toSnapshot: () => once().toSnapshot(),
  };
}
