import type { CursorKey } from './cursor';
import type { EntitySummary } from './query-result-schema';

export type EntitySort = 'mentions' | 'articles' | 'name';

/** The shape of an entity's key under each sort (see cursor.ts `fits`). */
export const ENTITY_KEY_SHAPE: Record<EntitySort, string> = { name: 'ss', articles: 'nns', mentions: 'nns' };

/** An entity's sort key, as a cursor carries it: what it is sorted by, then its id (unique) last. */
export function entityKey(e: EntitySummary, sort: EntitySort): CursorKey {
  if (sort === 'name') return [e.name, e.id];
  return sort === 'articles'
    ? [e.articleCount, e.mentionCount, e.id]
    : [e.mentionCount, e.articleCount, e.id];
}

const byId = (a: unknown, b: unknown) => ((a as string) < (b as string) ? -1 : a === b ? 0 : 1);

/** Orders entity keys: names alphabetically, counts highest first; ties by id. */
export function compareEntityKeys(sort: EntitySort): (a: CursorKey, b: CursorKey) => number {
  if (sort === 'name')
    return (a, b) => (a[0] as string).localeCompare(b[0] as string, 'en') || byId(a[1], b[1]);
  return (a, b) =>
    (b[0] as number) - (a[0] as number) || (b[1] as number) - (a[1] as number) || byId(a[2], b[2]);
}
