import type { Article } from '../model/article-schema';
import type { AsyncArticleStore } from './async-store-types';
import type { ArticleStore } from './store-types';

/** A synchronous store (memory, SQLite) answering as an `AsyncArticleStore`, for code written once for all. */
export function asAsyncStore(store: ArticleStore, location: string): AsyncArticleStore {
  const { sources, alerts } = store;
  return {
    backend: store.backend,
    location,
    put: async (article, options) => store.put(article, options),
    putMany: async (articles, options) => store.putMany(articles, options),
    get: async (idOrSlug) => store.get(idOrSlug),
    async getMany(ids) {
      const out: Article[] = [];
      for (const id of ids) {
        const a = store.get(id);
        if (a?.id === id) out.push(a);
      }
      return out;
    },
    count: async () => store.count(),
    async *iterate() {
      yield* store.iterate();
    },
    versions: async (id) => store.versions(id),
    diff: async (id, from, to) => store.diff(id, from, to),
    duplicates: async (ofId) => store.duplicates(ofId),
    changes: async (since, limit) => store.changes(since, limit),
    sources: {
      follow: async (source) => sources.follow(source),
      list: async () => sources.list(),
      get: async (idOrUrl) => sources.get(idOrUrl),
      unfollow: async (idOrUrl) => sources.unfollow(idOrUrl),
      saveState: async (id, state) => sources.saveState(id, state),
      // The store's own leases: in its file for SQLite, so watchers in several processes stay apart.
      lease: async (request) => sources.lease(request),
      release: async (id, worker, state) => sources.release(id, worker, state),
    },
    alerts: {
      add: async (alert) => alerts.add(alert),
      list: async () => alerts.list(),
      get: async (id) => alerts.get(id),
      remove: async (id) => alerts.remove(id),
      enqueue: async (delivery) => alerts.enqueue(delivery),
      matchedThrough: async () => alerts.matchedThrough(),
      queueMatched: async (deliveries, from, through) => alerts.queueMatched(deliveries, from, through),
      pending: async () => alerts.pending(),
      due: async (now, limit) => alerts.due(now, limit),
      settle: async (id, outcome) => alerts.settle(id, outcome),
    },
    revision: async () => store.revision(),
    identity: async () => store.identity(),
    close: async () => store.close(),
  };
}
