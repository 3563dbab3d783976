import type { Article } from '../model/article-schema';

/** Newest first; undated articles after dated ones; ties broken by id so order is always stable. */
export function compareNewest(a: Article, b: Article): number {
  const da = a.publishedAt ?? '';
  const db = b.publishedAt ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first; undated articles still last. */
export function compareOldest(a: Article, b: Article): number {
  const da = a.publishedAt ?? '\uffff';
  const db = b.publishedAt ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
