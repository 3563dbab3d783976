import { FacetsParamsSchema } from '../../query-schema/query-params-schema';
import type { Facets } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { ALL_FACETS } from '../components/facet-counts';

/** `corpus.facets()`: counts per facet value over the articles a query and filters select. */
export function facets(state: CorpusState, raw: unknown = {}): Facets {
  const params = parseParams(FacetsParamsSchema, raw, 'facet parameters');
  const { m, budget } = state.engine.match(params.q, params.filters);
  return state.engine.facets(m, params.facets ?? ALL_FACETS, params.limit, budget, params.filters);
}
