import type { Sql } from 'postgres';
import {
  type FollowedSource,
  FollowedSourceSchema,
  PollStateSchema,
} from '../../follow/followed-source-schema';
import type { AsyncSourceRegistry } from '../../store/async-store-types';
import { readStoredJson } from '../../store/stored-json';

/** The `source` column: a followed source without its state (kept apart, as the SQLite store keeps it). */
const StoredOptionsSchema = FollowedSourceSchema.omit({ state: true });

interface SourceRow {
  source: string;
  state: string;
}

const optionsJson = (s: FollowedSource) => {
  const { state: _state, ...rest } = s;
  return JSON.stringify(rest);
};

/**
 * The followed sources in the `sources` table, leased to workers: `lease` locks due, unleased rows with
 * `FOR UPDATE SKIP LOCKED` (two workers asking at once get different sources, neither waits) and marks
 * them with the worker and the lease's end; a lease that ran out is free again, so a dead worker's sources
 * are taken over; `release` saves the poll only if the worker still holds the lease.
 */
export function postgresSources(sql: Sql, location: string, run: Run): AsyncSourceRegistry {
  const read = (row: SourceRow): FollowedSource => ({
    ...readStoredJson(StoredOptionsSchema, row.source, location, 'a followed source'),
    state: readStoredJson(PollStateSchema, row.state, location, 'a followed source'),
  });
  const find = async (idOrUrl: string) => {
    const [row] =
      await sql`SELECT source, state FROM sources WHERE id = ${idOrUrl} OR md5(url) = md5(${idOrUrl})`;
    return row ? read(row as unknown as SourceRow) : undefined;
  };
  return {
    follow: (source) =>
      run('write to', async () => {
        const valid = FollowedSourceSchema.parse(source);
        const inserted = await sql`INSERT INTO sources(id, url, source, state, next_poll_at)
          VALUES (${valid.id}, ${valid.url}, ${optionsJson(valid)}, ${JSON.stringify(valid.state)}, ${valid.state.nextPollAt}::timestamptz)
          ON CONFLICT DO NOTHING RETURNING id`;
        if (inserted.length) return { source: valid, added: true };
        const existing = await find(valid.url);
        if (!existing) return { source: valid, added: false };
        const updated = { ...valid, id: existing.id, addedAt: existing.addedAt, state: existing.state };
        await sql`UPDATE sources SET source = ${optionsJson(updated)} WHERE id = ${existing.id}`;
        return { source: updated, added: false };
      }),
    list: () =>
      run('read', async () =>
        (await sql`SELECT source, state FROM sources ORDER BY seq`).map((r) =>
          read(r as unknown as SourceRow),
        ),
      ),
    get: (idOrUrl) => run('read', () => find(idOrUrl)),
    unfollow: (idOrUrl) =>
      run('write to', async () => {
        const [row] = await sql`DELETE FROM sources WHERE id = ${idOrUrl} OR md5(url) = md5(${idOrUrl})
          RETURNING source, state`;
        return row ? read(row as unknown as SourceRow) : undefined;
      }),
    saveState: (id, state) =>
      run('write to', async () => {
        const valid = PollStateSchema.parse(state);
        await sql`UPDATE sources SET state = ${JSON.stringify(valid)}, next_poll_at = ${valid.nextPollAt}::timestamptz
          WHERE id = ${id}`;
      }),
    lease: (request) =>
      run('lease sources of', async () => {
        const rows =
          await sql`UPDATE sources SET lease_owner = ${request.worker}, lease_until = ${request.until}::timestamptz
          WHERE seq IN (SELECT seq FROM sources
            WHERE next_poll_at <= ${request.now}::timestamptz
              AND (lease_until IS NULL OR lease_until <= ${request.now}::timestamptz)
            ORDER BY next_poll_at, seq LIMIT ${Math.max(0, Math.floor(request.limit))}
            FOR UPDATE SKIP LOCKED)
          RETURNING seq, source, state`;
        return [...rows]
          .sort((a, b) => Number(a.seq) - Number(b.seq))
          .map((r) => read(r as unknown as SourceRow));
      }),
    release: (id, worker, state) =>
      run('write to', async () => {
        const valid = PollStateSchema.parse(state);
        const rows = await sql`UPDATE sources SET state = ${JSON.stringify(valid)},
            next_poll_at = ${valid.nextPollAt}::timestamptz, lease_owner = NULL, lease_until = NULL
          WHERE id = ${id} AND lease_owner = ${worker} RETURNING id`;
        return rows.length > 0;
      }),
  };
}

/** Runs a store operation, turning a failure into a GazetteError naming the store and what was being done. */
export type Run = <T>(doing: string, fn: () => Promise<T>) => Promise<T>;
