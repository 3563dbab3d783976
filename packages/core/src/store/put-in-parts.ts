import { isGazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import type { AsyncArticleStore } from './async-store-types';
import type { PutOptions, PutResult } from './store-types';

const overBatchLimit = (error: unknown) =>
  isGazetteError(error) && error.code === 'INPUT_TOO_LARGE' && error.details.where === 'batch';

/**
 * `store.putMany`, split in halves while a part is over the store's batch limit (STORE_LIMITS.batchChars):
 * a batch of large articles is stored in smaller transactions, never refused whole. `onStored` gets each
 * part's results once it has committed. An article over the article limit is still refused (thrown).
 */
export async function putInParts(
  store: AsyncArticleStore,
  articles: readonly Article[],
  onStored: (results: PutResult[]) => void,
  options?: PutOptions,
): Promise<void> {
  try {
    onStored(await store.putMany(articles, options));
  } catch (error) {
    if (articles.length < 2 || !overBatchLimit(error)) throw error;
    const half = Math.ceil(articles.length / 2);
    await putInParts(store, articles.slice(0, half), onStored, options);
    await putInParts(store, articles.slice(half), onStored, options);
  }
}
