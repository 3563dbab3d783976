import { EntitiesParamsSchema } from '../../query-schema/query-params-schema';
import type { EntityListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { fold } from '../../search/analysis/fold';
import type { CorpusState } from '../components/corpus-state';
import { pageByKey } from '../components/cursor';
import { compareEntities } from '../components/entity-order';

/** `corpus.entities()`: people, organisations and places, by type and name prefix, paged. */
export function entities(state: CorpusState, raw: unknown = {}): EntityListResult {
  const params = parseParams(EntitiesParamsSchema, raw, 'entity parameters');
  const prefix = params.prefix ? fold(params.prefix) : undefined;
  const list = state
    .summaries()
    .filter((e) => !params.type || e.type === params.type)
    .filter((e) => !prefix || [e.name, ...e.aliases].some((n) => fold(n).startsWith(prefix)))
    .sort(compareEntities(params.sort));
  // Every call sorts the whole (filtered) list, so a position in it costs the same at any depth; a
  // position rather than a sort key because names and ids are unbounded and a cursor is not.
  return pageByKey(
    list,
    params,
    (_, i) => [i],
    (a, b) => (a[0] as number) - (b[0] as number),
    'n',
  );
}
