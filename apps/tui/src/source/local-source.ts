import type { Corpus } from '@gazette/core/query';
import type { GazetteSource } from './gazette-source';

/** The core corpus behind the async source interface (its calls are synchronous). */
export function localSource(corpus: Corpus, label = 'built-in corpus'): GazetteSource {
  return {
    label,
    list: async (params) => corpus.list(params),
    search: async (params) => corpus.search(params),
    facets: async (params) => corpus.facets(params),
    get: async (idOrSlug) => corpus.get(idOrSlug),
    related: async (idOrSlug) => corpus.related(idOrSlug),
    entities: async (params) => corpus.entities(params),
    quotes: async (params) => corpus.quotes(params),
  };
}
