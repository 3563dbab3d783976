import type { Corpus } from '@gazette/core';
import type { EntityType, TimelineResult } from '@gazette/core/query';
import { allArticles } from './corpus-walk';

/** Entity types that get a page (the people, organisations and places; `other` is too noisy). */
const PAGE_TYPES = new Set<EntityType>(['person', 'organization', 'place']);
/** From this many articles on, an entity needs two articles for a page: one-off names are mostly noise. */
const LARGE_CORPUS = 100;

interface EntityIndex {
  ids: string[];
  has: Set<string>;
}

const cache = new WeakMap<Corpus, EntityIndex>();

function index(corpus: Corpus): EntityIndex {
  let ix = cache.get(corpus);
  if (ix) return ix;
  // Articles per entity, counted in one walk: corpus.entities() pages stop at the core's cursor depth.
  const articleCounts = new Map<string, number>();
  for (const a of allArticles(corpus))
    for (const e of a.entities)
      if (PAGE_TYPES.has(e.type)) articleCounts.set(e.id, (articleCounts.get(e.id) ?? 0) + 1);
  const min = corpus.size >= LARGE_CORPUS ? 2 : 1;
  const ids = [...articleCounts].filter(([, n]) => n >= min).map(([id]) => id);
  ix = { ids, has: new Set(ids) };
  cache.set(corpus, ix);
  return ix;
}

/** Ids of the entities that have a page: people, organisations and places (in 2+ articles on large corpora). */
export const entityPageIds = (corpus: Corpus): string[] => index(corpus).ids;

/** Whether an entity has a page, so links are only made to pages that exist. */
export function hasEntityPage(corpus: Corpus, id: string | undefined): boolean {
  return id !== undefined && index(corpus).has.has(id);
}

/** Articles mentioning an entity per month: the core's timeline with an entity filter. */
export function entityTimeline(corpus: Corpus, id: string): TimelineResult {
  return corpus.timeline({ filters: { entity: id }, interval: 'month' });
}
