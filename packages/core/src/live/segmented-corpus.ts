import type { Corpus } from '../corpus/components/corpus-types';
import { builtAtOnce } from './methods/built-at-once';
import { segmentsState } from './components/segments-state';
import { articles } from './methods/articles';
import { entities } from './methods/entities';
import { entity } from './methods/entity';
import { get } from './methods/get';
import { list } from './methods/list';
import { quotes } from './methods/quotes';
import { timeline } from './methods/timeline';

/**
 * One corpus over segments (oldest first): answers every query function as a corpus built at once from
 * their live articles would. An article in a later segment replaces its versions in earlier ones;
 * `deleted` ids are hidden. Each method lives in `methods/` and reads the segments themselves.
 *
 * A query (`q` of list and timeline) selects per segment, so it selects what a build at once would when
 * its words are in every segment's dictionary; typo tolerance (tried for a word a segment lacks) and a
 * broad prefix's commonest expansions are decided on each segment's own dictionary, and the work budget
 * is each segment's. `toSnapshot` is a build at once of the live articles: a snapshot is one corpus, so
 * writing one is a full merge.
 */
export function segmentedCorpus(
  corpora: readonly Corpus[],
  options: { deleted?: ReadonlySet<string> } = {},
): Corpus {
  const state = segmentsState(corpora, options.deleted);
  const once = () => builtAtOnce(state);
  return {
    size: state.size,
    list: (params) => list(state, params),
    get: (idOrSlug) => get(state, idOrSlug),
    articles: (filters, sort) => articles(state, filters, sort),
    search: (params) => once().search(params),
    related: (idOrSlug, params) => once().related(idOrSlug, params),
    facets: (params) => once().facets(params),
    entities: (params) => entities(state, params),
    entity: (id) => entity(state, id),
    quotes: (params) => quotes(state, params),
    timeline: (params) => timeline(state, params),
    toSnapshot: () => once().toSnapshot(),
  };
}
