import { EntitiesParamsSchema } from '../../query-schema/query-params-schema';
import type { EntityListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { entityPage } from '../components/entity-page';

/** `corpus.entities()`: people, organisations and places, by type and name prefix, paged. */
export function entities(state: CorpusState, raw: unknown = {}): EntityListResult {
  return entityPage(state.summaries(), parseParams(EntitiesParamsSchema, raw, 'entity parameters'));
}
