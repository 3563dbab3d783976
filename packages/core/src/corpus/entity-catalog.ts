import type { Article } from '../model/article-schema';
import type { EntityType } from '../model/entity-schema';
import type { EntitySummary, QuoteItem } from './query-result-schema';

export interface CatalogEntry {
  summary: EntitySummary;
  /** Articles that mention it, in corpus order. */
  articles: Article[];
}

/** All entities of a corpus by id, merged across articles (ids are stable across articles). */
export function buildEntityCatalog(articles: readonly Article[]): Map<string, CatalogEntry> {
  const catalog = new Map<string, CatalogEntry>();
  for (const a of articles) {
    for (const e of a.entities) {
      let entry = catalog.get(e.id);
      if (!entry) {
        entry = {
          summary: {
            id: e.id,
            name: e.name,
            type: e.type as EntityType,
            aliases: [],
            articleCount: 0,
            mentionCount: 0,
          },
          articles: [],
        };
        if (e.countryCode) entry.summary.countryCode = e.countryCode;
        catalog.set(e.id, entry);
      }
      entry.summary.articleCount++;
      entry.summary.mentionCount += e.mentions.length;
      for (const alias of e.aliases)
        if (!entry.summary.aliases.includes(alias)) entry.summary.aliases.push(alias);
      entry.articles.push(a);
    }
  }
  return catalog;
}

export function quoteItems(a: Article): QuoteItem[] {
  return a.quotes.map((q) => {
    const item: QuoteItem = { ...q, articleId: a.id, articleSlug: a.slug, articleTitle: a.title };
    if (a.publishedAt) item.publishedAt = a.publishedAt;
    return item;
  });
}
