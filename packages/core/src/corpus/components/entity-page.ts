import type { z } from 'zod';
import type { EntitiesParamsSchema } from '../../query-schema/query-params-schema';
import type { EntityListResult, EntitySummary } from '../../query-schema/query-result-schema';
import { fold } from '../../search/analysis/fold';
import { pageByKey } from './cursor';
import { compareEntities } from './entity-order';

/** A page of entities (by type and name prefix, sorted) from every entity's summary. */
export function entityPage(
  summaries: readonly EntitySummary[],
  params: z.output<typeof EntitiesParamsSchema>,
): EntityListResult {
  const prefix = params.prefix ? fold(params.prefix) : undefined;
  const list = summaries
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
