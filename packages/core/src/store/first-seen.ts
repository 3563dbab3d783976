import type { Article } from '../model/article-schema';

/**
 * The article as a store keeps it, with the time the store first saw it (`firstSeenAt`): a true date
 * for feeds even when the article has none of its own. A stored article keeps its first-seen time
 * across updates (one stored before the field existed stays without one: its first save is unknown);
 * a new one keeps the time it carries (an export read back), else gets `now` when the caller gave it.
 */
export function withFirstSeen(
  article: Article,
  stored: Article | undefined,
  now: string | undefined,
): Article {
  const firstSeenAt = stored ? (stored.firstSeenAt ?? article.firstSeenAt) : (article.firstSeenAt ?? now);
  // Always last, so the same article is the same JSON (a store compares JSON to find it unchanged).
  const { firstSeenAt: _given, ...rest } = article;
  return firstSeenAt === undefined ? rest : { ...rest, firstSeenAt };
}
