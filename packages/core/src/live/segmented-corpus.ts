import type { Corpus } from '../corpus/components/corpus-types';
import { builtAtOnce } from './methods/built-at-once';
import { facets } from './methods/facets';
import { related } from './methods/related';
import { search } from './methods/search';
import { segmentsState } from './components/segments-state';
import { soleSegment } from './components/sole-segment';
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
 * A query is evaluated with the corpus's statistics and word expansions (live/components/match-segments.ts);
 * where results may still differ from a build at once (a query near its work budget) is said there.
 * `toSnapshot` is a build at once of the live articles: a snapshot is one corpus, so
 * writing one is a full merge.
 */
export function segmentedCorpus(
  corpora: readonly Corpus[],
  options: { deleted?: ReadonlySet<string> } = {},
): Corpus {
  const state = segmentsState(corpora, options.deleted);
  // One segment with nothing dead is the whole corpus: it answers as itself, with no merging at all.
  if (soleSegment(state)) return corpora[0]!;
  const once = () => builtAtOnce(state);
  return {
    size: state.size,
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
    toSnapshot: () => once().toSnapshot(),
  };
}
