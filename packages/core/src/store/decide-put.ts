import type { Article } from '../model/article-schema';
import type { FingerprintIndex } from './fingerprint-index';
import type { PutStatus } from './store-types';

export interface Decision {
  status: PutStatus;
  duplicateOf?: string;
  similarity?: number;
}

/**
 * The one rule both backends follow: the same id is an update (or unchanged when nothing differs);
 * a new id whose content fingerprint is near a stored article's is a duplicate, linked to it; else added.
 */
export function decidePut(
  article: Article,
  storedJson: string | undefined,
  fingerprint: string,
  index: FingerprintIndex,
): Decision {
  if (storedJson !== undefined)
    return { status: storedJson === JSON.stringify(article) ? 'unchanged' : 'updated' };
  const near = index.nearest(fingerprint, article.id);
  if (near) return { status: 'duplicate', duplicateOf: near.id, similarity: near.similarity };
  return { status: 'added' };
}
