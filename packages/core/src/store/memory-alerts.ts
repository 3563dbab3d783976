import { type Alert, GIVEN_UP_KEPT, type PendingDelivery } from '../follow/alert-schema';
import type { AlertRegistry } from './store-types';

/**
 * Alerts and their waiting deliveries in memory: the same contract as the SQLite tables; `head` is the
 * store's newest change seq.
 */
export function createMemoryAlerts(head: () => number): AlertRegistry {
  const alerts = new Map<string, Alert>();
  const deliveries = new Map<string, PendingDelivery>();
  let matched: number | undefined;
  const byAge = () => [...deliveries.values()].map((d) => structuredClone(d));
  return {
    add(alert) {
      if (alerts.size === 0 || matched === undefined) matched = head();
      alerts.set(alert.id, structuredClone(alert));
    },
    list: () => [...alerts.values()].map((a) => structuredClone(a)),
    get: (id) => {
      const a = alerts.get(id);
      return a && structuredClone(a);
    },
    remove(id) {
      const a = alerts.get(id);
      alerts.delete(id);
      for (const [key, d] of deliveries) if (d.alertId === id) deliveries.delete(key);
      return a;
    },
    enqueue(delivery) {
      if (alerts.has(delivery.alertId)) deliveries.set(delivery.id, structuredClone(delivery));
    },
    matchedThrough: () => matched,
    queueMatched(queued, from, through) {
      if (matched !== from) return false;
      for (const d of queued) this.enqueue(d);
      matched = through;
      return true;
    },
    pending: byAge,
    due: (now, limit) =>
      byAge()
        .filter((d) => !d.gaveUp && Date.parse(d.nextAt) <= Date.parse(now))
        .slice(0, limit),
    settle(id, outcome) {
      const d = deliveries.get(id);
      if (!d) return;
      if (outcome.delivered) deliveries.delete(id);
      else deliveries.set(id, { ...d, ...outcome });
      if (!outcome.delivered && outcome.gaveUp) {
        const given = [...deliveries.values()].filter((x) => x.alertId === d.alertId && x.gaveUp);
        for (const old of given.slice(0, -GIVEN_UP_KEPT)) deliveries.delete(old.id);
      }
    },
  };
}
