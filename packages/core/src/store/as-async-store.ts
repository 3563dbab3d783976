import type { FollowedSource } from '../follow/followed-source-schema';
import type { Article } from '../model/article-schema';
import type { AsyncArticleStore, AsyncSourceRegistry, LeaseRequest } from './async-store-types';
import type { ArticleStore, SourceRegistry } from './store-types';

/** Leases held in this process, by source id: who holds each and until when. */
type Leases = Map<string, { worker: string; until: number }>;

/**
 * Leases over a registry without a lease of its own: held in this process only, which is right for the
 * memory store (one process) and keeps several watchers of one process apart over a SQLite file.
 */
function leasedIn(registry: SourceRegistry, leases: Leases): Pick<AsyncSourceRegistry, 'lease' | 'release'> {
  return {
    async lease(request: LeaseRequest) {
      const now = Date.parse(request.now);
      const out: FollowedSource[] = [];
      for (const s of registry.list()) {
        if (out.length >= request.limit) break;
        const held = leases.get(s.id);
        if (Date.parse(s.state.nextPollAt) > now || (held && held.until > now)) continue;
        leases.set(s.id, { worker: request.worker, until: Date.parse(request.until) });
        out.push(s);
      }
      return out;
    },
    async release(id, worker, state) {
      if (leases.get(id)?.worker !== worker) return false;
      leases.delete(id);
      registry.saveState(id, state);
      return true;
    },
  };
}

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
      ...leasedIn(sources, new Map()),
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
