import type { Article } from '../model/article-schema';
import type { NearCandidate } from './fingerprint-index';
import { type StoryFacts, sameStory } from './same-story';
import type { DuplicateLink, PutResult, PutStatus } from './store-types';

export interface Decision {
  status: PutStatus;
  duplicateOf?: string;
  similarity?: number;
}

/**
 * The one rule both backends follow: the same id is an update (or unchanged when nothing differs);
 * a new id whose body is near a stored article's (enough words, similar shingles) and whose title
 * agrees with it (and whose date is within a week of it) is a duplicate, linked to it; else added.
 * A body alone never makes two differently titled items one article. Backends call this inside their write transaction, with candidates read
 * from what is committed, so two writers cannot both add the same story.
 */
export function decidePut(
  article: Article,
  storedJson: string | undefined,
  candidates: readonly NearCandidate[],
  storedFacts: (id: string) => StoryFacts | undefined,
): Decision {
  if (storedJson !== undefined)
    return { status: storedJson === JSON.stringify(article) ? 'unchanged' : 'updated' };
  for (const near of candidates) {
    const other = storedFacts(near.id);
    if (other && sameStory(article, other))
      return { status: 'duplicate', duplicateOf: near.id, similarity: near.similarity };
  }
  return { status: 'added' };
}

/** The link a duplicate decision makes, and what the put answers: the same for every backend. */
export function duplicateOf(
  article: Article,
  decision: Decision,
  savedAt: string | undefined,
): { link: DuplicateLink; result: PutResult } {
  const link: DuplicateLink = {
    id: article.id,
    duplicateOf: decision.duplicateOf!,
    title: article.title,
    similarity: decision.similarity!,
    ...(article.url ? { url: article.url } : {}),
    ...(savedAt ? { savedAt } : {}),
  };
  const result: PutResult = {
    status: 'duplicate',
    id: article.id,
    version: 0,
    duplicateOf: link.duplicateOf,
    similarity: link.similarity,
  };
  return { link, result };
}
