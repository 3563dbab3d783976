import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { type Alert, AlertSchema, GIVEN_UP_KEPT, type PendingDelivery } from '../follow/alert-schema';
import type { AlertRegistry } from '../store/store-types';
import { readStoredJson } from '../store/stored-json';
import { inTransaction } from './sqlite-transaction';

interface DeliveryRow {
  id: string;
  alert_id: string;
  body: string;
  attempts: number;
  next_at: string;
  last_error: string | null;
  gave_up: number;
}

const toDelivery = (r: DeliveryRow): PendingDelivery => ({
  id: r.id,
  alertId: r.alert_id,
  body: r.body,
  attempts: r.attempts,
  nextAt: r.next_at,
  gaveUp: r.gave_up === 1,
  ...(r.last_error ? { lastError: r.last_error } : {}),
});

type Statements = Record<
  | 'all'
  | 'get'
  | 'insert'
  | 'remove'
  | 'dropDeliveries'
  | 'enqueue'
  | 'pending'
  | 'due'
  | 'sent'
  | 'retry'
  | 'pruneGivenUp'
  | 'matched'
  | 'startMatching'
  | 'setMatched',
  StatementSync
>;

/**
 * Alerts and their waiting deliveries in the store's `alerts` and `alert_deliveries` tables, prepared on
 * first use (an older store opened read-only has neither, and then has no alerts).
 */
export function sqliteAlerts(db: DatabaseSync, file: string, locked: <T>(fn: () => T) => T): AlertRegistry {
  let q: Statements | undefined;
  const hasTables = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alert_deliveries'").get() !==
    undefined;
  const statements = (): Statements =>
    (q ??= {
      all: db.prepare('SELECT json FROM alerts ORDER BY seq'),
      get: db.prepare('SELECT json FROM alerts WHERE id = ?'),
      insert: db.prepare('INSERT INTO alerts(id, json) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM alerts WHERE id = ?'),
      dropDeliveries: db.prepare('DELETE FROM alert_deliveries WHERE alert_id = ?'),
      enqueue: db.prepare(
        'INSERT OR IGNORE INTO alert_deliveries(id, alert_id, body, attempts, next_at) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM alerts WHERE id = ?)',
      ),
      pending: db.prepare('SELECT * FROM alert_deliveries ORDER BY seq'),
      due: db.prepare(
        'SELECT * FROM alert_deliveries WHERE gave_up = 0 AND next_at <= ? ORDER BY seq LIMIT ?',
      ),
      sent: db.prepare('DELETE FROM alert_deliveries WHERE id = ?'),
      pruneGivenUp: db.prepare(
        `DELETE FROM alert_deliveries WHERE gave_up = 1 AND alert_id = (SELECT alert_id FROM alert_deliveries WHERE id = ?1)
         AND seq NOT IN (SELECT seq FROM alert_deliveries WHERE gave_up = 1 AND alert_id = (SELECT alert_id FROM alert_deliveries WHERE id = ?1) ORDER BY seq DESC LIMIT ${GIVEN_UP_KEPT})`,
      ),
      retry: db.prepare(
        'UPDATE alert_deliveries SET attempts = ?, next_at = ?, last_error = ?, gave_up = ? WHERE id = ?',
      ),
      matched: db.prepare("SELECT value FROM meta WHERE key = 'alerts_matched'"),
      // The first alert (of none) starts at the log's head: an alert hears of what is stored after it.
      startMatching: db.prepare(
        `INSERT INTO meta(key, value) SELECT 'alerts_matched', (SELECT COALESCE(MAX(seq), 0) FROM changes)
         WHERE NOT EXISTS (SELECT 1 FROM alerts) OR NOT EXISTS (SELECT 1 FROM meta WHERE key = 'alerts_matched')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ),
      setMatched: db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('alerts_matched', ?)"),
    });
  const matchedThrough = (): number | undefined => {
    const row = ready() ? (statements().matched.get() as { value: string } | undefined) : undefined;
    return row ? Number(row.value) : undefined;
  };
  const ready = () => q !== undefined || hasTables();
  const read = (json: string): Alert => readStoredJson(AlertSchema, json, file, 'an alert');
  return {
    add: (alert) =>
      void locked(() =>
        inTransaction(db, () => {
          statements().startMatching.run();
          statements().insert.run(alert.id, JSON.stringify(AlertSchema.parse(alert)));
        }),
      ),
    list: () => (ready() ? (statements().all.all() as Array<{ json: string }>).map((r) => read(r.json)) : []),
    get(id) {
      const row = ready() ? (statements().get.get(id) as { json: string } | undefined) : undefined;
      return row && read(row.json);
    },
    remove(id) {
      return locked(() => {
        const alert = this.get(id);
        if (alert) {
          statements().remove.run(id);
          statements().dropDeliveries.run(id);
        }
        return alert;
      });
    },
    enqueue: (d) =>
      void locked(() => statements().enqueue.run(d.id, d.alertId, d.body, d.attempts, d.nextAt, d.alertId)),
    matchedThrough,
    queueMatched: (queued, from, through) =>
      locked(() =>
        inTransaction(db, () => {
          if (matchedThrough() !== from) return false;
          for (const d of queued)
            statements().enqueue.run(d.id, d.alertId, d.body, d.attempts, d.nextAt, d.alertId);
          statements().setMatched.run(String(through));
          return true;
        }),
      ),
    pending: () => (ready() ? (statements().pending.all() as unknown as DeliveryRow[]).map(toDelivery) : []),
    due: (now, limit) =>
      ready() ? (statements().due.all(now, limit) as unknown as DeliveryRow[]).map(toDelivery) : [],
    settle(id, outcome) {
      locked(() => {
        if (outcome.delivered) statements().sent.run(id);
        else {
          statements().retry.run(
            outcome.attempts,
            outcome.nextAt,
            outcome.lastError,
            outcome.gaveUp ? 1 : 0,
            id,
          );
          if (outcome.gaveUp) statements().pruneGivenUp.run(id);
        }
      });
    },
  };
}
