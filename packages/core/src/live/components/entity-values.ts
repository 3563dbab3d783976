import type { SearchIndex } from '../../search/index/search-index';

/** Each index's entity values by id, built on first use. */
const byId = new WeakMap<SearchIndex, Map<string, number>>();

/** The values of an index's entity column that name these entity ids (those it has). */
export function entityValuesIn(ix: SearchIndex, ids: ReadonlySet<string>): Set<number> {
  let values = byId.get(ix);
  if (!values) {
    values = new Map();
    for (let v = 0; v < ix.entities.values.length; v++) values.set(ix.entities.values.at(v), v);
    byId.set(ix, values);
  }
  const out = new Set<number>();
  for (const id of ids) {
    const v = values.get(id);
    if (v !== undefined) out.add(v);
  }
  return out;
}
