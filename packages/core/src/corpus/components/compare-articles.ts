import type { Article } from '../../model/article-schema';
import type { CursorKey } from './cursor';

/** An article's place in date order, as a cursor carries it: its date ('' when undated) and id. */
export type DateKey = readonly [date: string, id: string];

const byId = (a: CursorKey, b: CursorKey) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);

/** Newest first; undated ('') after dated; ties broken by id so order is always stable. */
export function compareNewestKey(a: CursorKey, b: CursorKey): number {
  if (a[0] !== b[0]) return a[0]! < b[0]! ? 1 : -1;
  return byId(a, b);
}

/** Oldest first; undated still last. */
export function compareOldestKey(a: CursorKey, b: CursorKey): number {
  const dateA = a[0] || '\uffff';
  const dateB = b[0] || '\uffff';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return byId(a, b);
}

export const dateKey = (a: Pick<Article, 'id' | 'publishedAt'>): DateKey => [a.publishedAt ?? '', a.id];

/** Newest first; undated articles after dated ones; ties broken by id so order is always stable. */
export const compareNewest = (a: Article, b: Article): number => compareNewestKey(dateKey(a), dateKey(b));

/** Oldest first; undated articles still last. */
export const compareOldest = (a: Article, b: Article): number => compareOldestKey(dateKey(a), dateKey(b));
