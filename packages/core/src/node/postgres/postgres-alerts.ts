import type { Sql, TransactionSql } from 'postgres';
import { type Alert, AlertSchema, GIVEN_UP_KEPT, type PendingDelivery } from '../../follow/alert-schema';
import type { AsyncAlertRegistry } from '../../store/async-store-types';
import { readStoredJson } from '../../store/stored-json';
import type { Run } from './postgres-sources';

/** Held by a transaction that moves where alerts were matched, so two writers never both move it. */
const ALERTS_LOCK = 0x67617a03;

const toDelivery = (r: Record<string, unknown>): PendingDelivery => ({
  id: r.id as string,
  alertId: r.alert_id as string,
  body: r.body as string,
  attempts: Number(r.attempts),
  nextAt: r.next_at as string,
  gaveUp: r.gave_up === true,
  ...(r.last_error ? { lastError: r.last_error as string } : {}),
});

const columns = (ds: readonly PendingDelivery[]) => ({
  ids: ds.map((d) => d.id),
  alerts: ds.map((d) => d.alertId),
  bodies: ds.map((d) => d.body),
  attempts: ds.map((d) => d.attempts),
  next: ds.map((d) => d.nextAt),
});

/** Queues deliveries of alerts that still exist (a delivery of a removed alert is dropped), once per id. */
function enqueueAll(sql: Sql | TransactionSql, ds: readonly PendingDelivery[]) {
  const c = columns(ds);
  return sql`INSERT INTO alert_deliveries(id, alert_id, body, attempts, next_at)
    SELECT d.id, d.alert_id, d.body, d.attempts, d.next_at FROM unnest(${c.ids}::text[], ${c.alerts}::text[], ${c.bodies}::text[], ${c.attempts}::int[], ${c.next}::text[])
      WITH ORDINALITY AS d(id, alert_id, body, attempts, next_at, n)
    WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_id) ORDER BY n
    ON CONFLICT (id) DO NOTHING`;
}

async function matchedThrough(sql: Sql | TransactionSql): Promise<number | undefined> {
  const [row] = await sql`SELECT value FROM gazette_meta WHERE key = 'alerts_matched'`;
  return row ? Number(row.value) : undefined;
}

/** Alerts and their waiting deliveries in the `alerts` and `alert_deliveries` tables (as the SQLite store). */
export function postgresAlerts(sql: Sql, location: string, run: Run): AsyncAlertRegistry {
  const read = (json: string): Alert => readStoredJson(AlertSchema, json, location, 'an alert');
  return {
    add: (alert) =>
      run('write to', () =>
        sql.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(${ALERTS_LOCK})`;
          // The first alert (of none) starts at the log's head: an alert hears of what is stored after it.
          await tx`INSERT INTO gazette_meta(key, value)
            SELECT 'alerts_matched', (SELECT coalesce(max(seq), 0)::text FROM changes)
            WHERE NOT EXISTS (SELECT 1 FROM alerts) OR NOT EXISTS (SELECT 1 FROM gazette_meta WHERE key = 'alerts_matched')
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
          await tx`INSERT INTO alerts(id, json) VALUES (${alert.id}, ${JSON.stringify(AlertSchema.parse(alert))})`;
        }),
      ),
    list: () =>
      run('read', async () =>
        (await sql`SELECT json FROM alerts ORDER BY seq`).map((r) => read(r.json as string)),
      ),
    get: (id) =>
      run('read', async () => {
        const [row] = await sql`SELECT json FROM alerts WHERE id = ${id}`;
        return row ? read(row.json as string) : undefined;
      }),
    remove: (id) =>
      run('write to', () =>
        sql.begin(async (tx) => {
          const [row] = await tx`DELETE FROM alerts WHERE id = ${id} RETURNING json`;
          if (!row) return undefined;
          await tx`DELETE FROM alert_deliveries WHERE alert_id = ${id}`;
          return read(row.json as string);
        }),
      ),
    enqueue: (d) => run('write to', async () => void (await enqueueAll(sql, [d]))),
    matchedThrough: () => run('read', () => matchedThrough(sql)),
    queueMatched: (deliveries, from, through) =>
      run('write to', () =>
        sql.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(${ALERTS_LOCK})`;
          if ((await matchedThrough(tx)) !== from) return false;
          if (deliveries.length) await enqueueAll(tx, deliveries);
          await tx`INSERT INTO gazette_meta(key, value) VALUES ('alerts_matched', ${String(through)})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
          return true;
        }),
      ),
    pending: () =>
      run('read', async () => (await sql`SELECT * FROM alert_deliveries ORDER BY seq`).map(toDelivery)),
    due: (now, limit) =>
      run('read', async () =>
        (
          await sql`SELECT * FROM alert_deliveries WHERE NOT gave_up AND next_at <= ${now}
            ORDER BY seq LIMIT ${Math.max(0, Math.floor(limit))}`
        ).map(toDelivery),
      ),
    settle: (id, outcome) =>
      run('write to', async () => {
        if (outcome.delivered) {
          await sql`DELETE FROM alert_deliveries WHERE id = ${id}`;
          return;
        }
        await sql`UPDATE alert_deliveries SET attempts = ${outcome.attempts}, next_at = ${outcome.nextAt},
          last_error = ${outcome.lastError}, gave_up = ${outcome.gaveUp} WHERE id = ${id}`;
        if (outcome.gaveUp)
          await sql`DELETE FROM alert_deliveries WHERE gave_up AND alert_id = (SELECT alert_id FROM alert_deliveries WHERE id = ${id})
            AND seq NOT IN (SELECT seq FROM alert_deliveries WHERE gave_up
              AND alert_id = (SELECT alert_id FROM alert_deliveries WHERE id = ${id}) ORDER BY seq DESC LIMIT ${GIVEN_UP_KEPT})`;
      }),
  };
}
