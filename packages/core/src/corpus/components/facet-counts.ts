import type { Article } from '../../model/article-schema';
import { type FacetName, FacetNameSchema } from '../../query-schema/query-params-schema';
import type { Facets } from '../../query-schema/query-result-schema';

export const ALL_FACETS: readonly FacetName[] = FacetNameSchema.options;

function valuesOf(a: Article, facet: FacetName): string[] {
  switch (facet) {
    case 'section':
      return a.section ? [a.section] : [];
    case 'tag':
      return a.tags;
    case 'source':
      return a.source ? [a.source.name] : [];
    case 'language':
      return [a.language];
    case 'month':
      return a.publishedAt ? [a.publishedAt.slice(0, 7)] : [];
    case 'person':
    case 'organization':
    case 'place':
      return a.entities.filter((e) => e.type === facet).map((e) => e.name);
  }
}

/** Counts of articles per facet value, most frequent first (ties by value), at most `limit` per facet. */
export function facetCounts(
  articles: Iterable<Article>,
  facets: readonly FacetName[],
  limit: number,
): Facets {
  const counts = new Map<FacetName, Map<string, number>>(facets.map((f) => [f, new Map()]));
  for (const a of articles) {
    for (const facet of facets) {
      const m = counts.get(facet)!;
      for (const v of new Set(valuesOf(a, facet))) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const out: Facets = {};
  for (const [facet, m] of counts) {
    out[facet] = [...m]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, count]) => ({ value, count }));
  }
  return out;
}
