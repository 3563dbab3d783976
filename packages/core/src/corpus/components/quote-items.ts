import type { Article } from '../../model/article-schema';
import type { QuoteItem } from '../../query-schema/query-result-schema';

/** An article's quotations as list items, with the article they come from. */
export function quoteItems(a: Article): QuoteItem[] {
  return a.quotes.map((q) => {
    const item: QuoteItem = { ...q, articleId: a.id, articleSlug: a.slug, articleTitle: a.title };
    if (a.publishedAt) item.publishedAt = a.publishedAt;
    return item;
  });
}
