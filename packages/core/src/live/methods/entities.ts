import { entityPage } from '../../corpus/components/entity-page';
import { EntitiesParamsSchema } from '../../query-schema/query-params-schema';
import type { EntityListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { mergedEntities } from '../components/merged-entities';
import type { SegmentsState } from '../components/segments-state';

/** `corpus.entities()` over segments: the merged summaries, filtered, sorted and paged as one corpus does. */
export function entities(state: SegmentsState, raw: unknown = {}): EntityListResult {
  return entityPage(mergedEntities(state).list, parseParams(EntitiesParamsSchema, raw, 'entity parameters'));
}
