import type { EntitySummary } from '../../query-schema/query-result-schema';

export type EntitySort = 'mentions' | 'articles' | 'name';

const byId = (x: EntitySummary, y: EntitySummary) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Orders entities: names alphabetically, counts highest first; ties by id, so the order is stable. */
export function compareEntities(sort: EntitySort): (x: EntitySummary, y: EntitySummary) => number {
  if (sort === 'name') return (x, y) => x.name.localeCompare(y.name, 'en') || byId(x, y);
  if (sort === 'articles')
    return (x, y) => y.articleCount - x.articleCount || y.mentionCount - x.mentionCount || byId(x, y);
  return (x, y) => y.mentionCount - x.mentionCount || y.articleCount - x.articleCount || byId(x, y);
}
