import type { FollowedSource, PollState } from '../follow/followed-source-schema';
import { dueAt, leaseTimes } from './source-leases';
import type { SourceRegistry } from './store-types';

/** Followed sources in memory: the same contract as the SQLite table, for tests, the browser and edge. */
export function createMemorySources(): SourceRegistry {
  const byId = new Map<string, FollowedSource>();
  // Who holds each leased source, and until when (ms): one process, so a map is the whole truth.
  const leases = new Map<string, { worker: string; until: number }>();
  const find = (idOrUrl: string) => byId.get(idOrUrl) ?? [...byId.values()].find((s) => s.url === idOrUrl);
  const saveState = (id: string, state: PollState) => {
    const s = byId.get(id);
    if (s) byId.set(id, { ...s, state: structuredClone(state) });
  };
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
      if (s) {
        byId.delete(s.id);
        leases.delete(s.id);
      }
      return s;
    },
    saveState,
    lease(request) {
      const { now, until } = leaseTimes(request);
      const out: FollowedSource[] = [];
      for (const s of byId.values()) {
        if (out.length >= request.limit) break;
        const held = leases.get(s.id);
        if (!dueAt(s, now) || (held && held.until > now)) continue;
        leases.set(s.id, { worker: request.worker, until });
        out.push(structuredClone(s));
      }
      return out;
    },
    release(id, worker, state) {
      if (leases.get(id)?.worker !== worker || !byId.has(id)) return false;
      leases.delete(id);
      saveState(id, state);
      return true;
    },
  };
}
