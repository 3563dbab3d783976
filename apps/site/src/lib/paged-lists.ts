import type { Corpus } from '@gazette/core';
import type { ArticleFilters, ArticleSummary } from '@gazette/core/query';
import { allSummaries } from './corpus-walk';

export const PAGE_SIZE = 50;

export interface ListPage {
  value: string;
  page: number;
  pages: number;
  total: number;
  items: ArticleSummary[];
}

/** Each facet value (section or tag) with its articles split into pages of PAGE_SIZE, newest first. */
export function pagedByFacet(corpus: Corpus, facet: 'section' | 'tag'): ListPage[] {
  const values = new Set<string>();
  for (const a of allSummaries(corpus)) {
    if (facet === 'section' && a.section) values.add(a.section);
    if (facet === 'tag') for (const t of a.tags) values.add(t);
  }
  const out: ListPage[] = [];
  for (const value of values) {
    const filters: ArticleFilters = facet === 'section' ? { section: value } : { tag: value };
    const items = allSummaries(corpus, filters);
    const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    for (let page = 1; page <= pages; page++)
      out.push({
        value,
        page,
        pages,
        total: items.length,
        items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      });
  }
  return out;
}
