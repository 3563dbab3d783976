import type { Corpus } from '../corpus/components/corpus-types';
import { builtAtOnce } from './methods/built-at-once';
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
    search: (params) => once().search(params),
    related: (idOrSlug, params) => once().related(idOrSlug, params),
    facets: (params) => once().facets(params),
    entities: (params) => once().entities(params),
    entity: (id) => once().entity(id),
    quotes: (params) => once().quotes(params),
    timeline: (params) => once().timeline(params),
    toSnapshot: () => once().toSnapshot(),
  };
}
