import { asAsyncStore } from '../src/store/as-async-store';
import type { AsyncArticleStore } from '../src/store/async-store-types';
import type { ArticleStore } from '../src/store/store-types';

/**
 * The async face of a sync test store, kept per store: a test holds the sync store to set up and check,
 * and hands the consumers (which take an AsyncArticleStore) this view of the same store.
 */
const views = new WeakMap<ArticleStore, AsyncArticleStore>();
export function asyncOf(store: ArticleStore): AsyncArticleStore {
  let view = views.get(store);
  if (view) return view;
  view = asAsyncStore(store, `${store.backend} store`);
  views.set(store, view);
  return view;
}
