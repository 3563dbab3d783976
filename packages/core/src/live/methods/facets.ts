import { ALL_FACETS } from '../../corpus/components/facet-counts';
import { FacetsParamsSchema } from '../../query-schema/query-params-schema';
import type { Facets } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { mergedFacets } from '../components/merged-facets';
import { matchSegments } from '../components/match-segments';
import { facets as facetsOne } from '../../corpus/methods/facets';
import { soleSegment } from '../components/sole-segment';
import type { SegmentsState } from '../components/segments-state';

/** `facets()` over segments: counts per facet value summed across them, as a corpus built at once counts. */
export function facets(state: SegmentsState, raw: unknown = {}): Facets {
  const sole = soleSegment(state);
  if (sole) return facetsOne(sole, raw);
  const params = parseParams(FacetsParamsSchema, raw, 'facet parameters');
  const { parts, budget } = matchSegments(state, params.q, params.filters);
  return mergedFacets(state, parts, params.facets ?? ALL_FACETS, params.limit, budget, params.filters);
}
