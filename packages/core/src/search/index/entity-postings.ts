import { fold } from '../analysis/fold';
import { summaryCountry } from './entity-summaries';
import type { SearchIndex } from './search-index';

/**
 * The entity column inverted: documents per entity value, and the values an entity filter names (by id,
 * or by a folded name or alias). Built once per index on first use, so an entity filter or related()
 * reads a few short lists instead of every document's entities.
 */
export interface EntityPostings {
  /** Documents of value v: docs[off[v]..off[v+1]), ascending. */
  off: Uint32Array;
  docs: Uint32Array;
  /** Value indexes by entity id and by each folded name or alias. */
  byId: Map<string, number>;
  byKey: Map<string, number[]>;
  /** Value indexes by country code (upper case): the country and the places in it. */
  byCountry: Map<string, number[]>;
}

export function buildEntityPostings(ix: SearchIndex): EntityPostings {
  const column = ix.entities;
  const valueCount = column.values.length;
  const off = new Uint32Array(valueCount + 1);
  for (let j = 0; j < column.val.length; j++) off[column.val[j]! + 1]!++;
  for (let v = 0; v < valueCount; v++) off[v + 1]! += off[v]!;
  const fill = off.slice(0, valueCount);
  const docs = new Uint32Array(column.val.length);
  // Documents in order, so each value's list comes out ascending.
  for (let d = 0; d < ix.n; d++)
    for (let j = column.off[d]!; j < column.off[d + 1]!; j++) docs[fill[column.val[j]!]!++] = d;
  const byId = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  for (let v = 0; v < valueCount; v++) {
    const id = column.values.at(v);
    if (!byId.has(id)) byId.set(id, v);
    for (const k of new Set(ix.entityKeys.at(v).split('\u0000'))) {
      const list = byKey.get(k);
      if (list) list.push(v);
      else byKey.set(k, [v]);
    }
  }
  return { off, docs, byId, byKey, byCountry: valuesByCountry(ix) };
}

/** Entity values by the country code of their summary (only summaries that carry one are parsed). */
function valuesByCountry(ix: SearchIndex): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let v = 0; v < ix.entitySummaries.length; v++) {
    const code = summaryCountry(ix.entitySummaries.at(v));
    if (!code) continue;
    const list = out.get(code);
    if (list) list.push(v);
    else out.set(code, [v]);
  }
  return out;
}

/** Value indexes a country filter selects: the country and every place with its code. */
export function countryValues(p: EntityPostings, code: string): number[] {
  return p.byCountry.get(code.toUpperCase()) ?? [];
}

/** Value indexes an entity filter selects: the entity with that id, or any named or aliased so (folded). */
export function entityValues(p: EntityPostings, entity: string): number[] {
  const out = new Set(p.byKey.get(fold(entity)) ?? []);
  const v = p.byId.get(entity);
  if (v !== undefined) out.add(v);
  return [...out].sort((a, b) => a - b);
}

/** Documents holding any of the values, ascending, without repeats. */
export function entityDocs(p: EntityPostings, values: readonly number[], n: number): Uint32Array {
  if (values.length === 1) return p.docs.subarray(p.off[values[0]!]!, p.off[values[0]! + 1]!);
  const seen = new Uint8Array(n);
  let k = 0;
  for (const v of values)
    for (let j = p.off[v]!; j < p.off[v + 1]!; j++) {
      const d = p.docs[j]!;
      if (!seen[d]) {
        seen[d] = 1;
        k++;
      }
    }
  const out = new Uint32Array(k);
  k = 0;
  for (let d = 0; d < n; d++) if (seen[d]) out[k++] = d;
  return out;
}
