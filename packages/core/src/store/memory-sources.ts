import type { FollowedSource, PollState } from '../follow/followed-source-schema';
import type { SourceRegistry } from './store-types';

/** Followed sources in memory: the same contract as the SQLite table, for tests, the browser and edge. */
export function createMemorySources(): SourceRegistry {
  const byId = new Map<string, FollowedSource>();
  const find = (idOrUrl: string) => byId.get(idOrUrl) ?? [...byId.values()].find((s) => s.url === idOrUrl);
  return {
    follow(source) {
      const existing = find(source.url);
      if (existing) {
        const updated = { ...source, id: existing.id, addedAt: existing.addedAt, state: existing.state };
        byId.set(existing.id, structuredClone(updated));
        return { source: updated, added: false };
      }
      byId.set(source.id, structuredClone(source));
      return { source, added: true };
    },
    list: () => [...byId.values()].map((s) => structuredClone(s)),
    get: (idOrUrl) => {
      const s = find(idOrUrl);
      return s && structuredClone(s);
    },
    unfollow(idOrUrl) {
      const s = find(idOrUrl);
      if (s) byId.delete(s.id);
      return s;
    },
    saveState(id: string, state: PollState) {
      const s = byId.get(id);
      if (s) byId.set(id, { ...s, state: structuredClone(state) });
    },
  };
}
