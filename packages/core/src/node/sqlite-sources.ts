import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  type FollowedSource,
  FollowedSourceSchema,
  type PollState,
  PollStateSchema,
} from '../follow/followed-source-schema';
import { dueAt, leaseTimes } from '../store/source-leases';
import type { LeaseRequest, SourceRegistry } from '../store/store-types';
import { readStoredJson } from '../store/stored-json';
import { inTransaction } from './sqlite-transaction';

/** The `source` column: a followed source without its state (kept apart). */
const StoredOptionsSchema = FollowedSourceSchema.omit({ state: true });

interface SourceRow {
  source: string;
  state: string;
}

/**
 * The followed sources in the store's `sources` table. Statements are prepared on first use: a store made
 * by an older Gazette and opened read-only has no such table, and then follows nothing.
 */
export function sqliteSources(db: DatabaseSync, file: string, locked: <T>(fn: () => T) => T): SourceRegistry {
  let q: Record<'all' | 'find' | 'insert' | 'options' | 'remove' | 'state', StatementSync> | undefined;
  let leases: Record<'free' | 'take' | 'release', StatementSync> | undefined;
  const hasTable = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'").get() !== undefined;
  const statements = () =>
    (q ??= {
      all: db.prepare('SELECT source, state FROM sources ORDER BY seq'),
      find: db.prepare('SELECT source, state FROM sources WHERE id = ? OR url = ?'),
      insert: db.prepare('INSERT INTO sources(id, url, source, state) VALUES (?, ?, ?, ?)'),
      options: db.prepare('UPDATE sources SET source = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM sources WHERE id = ?'),
      state: db.prepare('UPDATE sources SET state = ? WHERE id = ?'),
    });
  // Apart: a schema-4 store opened read-only has no lease columns, and still lists its sources.
  const leaseStatements = () =>
    (leases ??= {
      // Not leased, or leased until a time that has come (lease_until: ms since the epoch).
      free: db.prepare(
        'SELECT source, state FROM sources WHERE lease_until IS NULL OR lease_until <= ? ORDER BY seq',
      ),
      take: db.prepare('UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id = ?'),
      release: db.prepare(
        'UPDATE sources SET state = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
      ),
    });
  const read = (row: SourceRow): FollowedSource => {
    const options = readStoredJson(StoredOptionsSchema, row.source, file, 'a followed source');
    return { ...options, state: readStoredJson(PollStateSchema, row.state, file, 'a followed source') };
  };
  const find = (idOrUrl: string) => {
    if (!q && !hasTable()) return undefined;
    const row = statements().find.get(idOrUrl, idOrUrl) as SourceRow | undefined;
    return row && read(row);
  };
  const options = (s: FollowedSource) => {
    const { state: _state, ...rest } = s;
    return JSON.stringify(rest);
  };
  /** The due, free sources (at most `limit`), leased in the transaction that read them. */
  const leaseDue = (request: LeaseRequest, now: number, until: number) => {
    const out: FollowedSource[] = [];
    for (const row of leaseStatements().free.iterate(now) as Iterable<SourceRow>) {
      if (out.length >= request.limit) break;
      const s = read(row);
      if (dueAt(s, now)) out.push(s);
    }
    for (const s of out) leaseStatements().take.run(request.worker, until, s.id);
    return out;
  };
  return {
    follow(source) {
      return locked(() => {
        const existing = find(source.url);
        if (existing) {
          const updated = { ...source, id: existing.id, addedAt: existing.addedAt, state: existing.state };
          statements().options.run(options(updated), existing.id);
          return { source: updated, added: false };
        }
        statements().insert.run(source.id, source.url, options(source), JSON.stringify(source.state));
        return { source, added: true };
      });
    },
    list: () => (!q && !hasTable() ? [] : (statements().all.all() as unknown as SourceRow[]).map(read)),
    get: find,
    unfollow(idOrUrl) {
      return locked(() => {
        const s = find(idOrUrl);
        if (s) statements().remove.run(s.id);
        return s;
      });
    },
    saveState(id: string, state: PollState) {
      const valid = PollStateSchema.parse(state);
      locked(() => statements().state.run(JSON.stringify(valid), id));
    },
    lease(request) {
      const { now, until } = leaseTimes(request);
      if (request.limit <= 0 || (!q && !hasTable())) return [];
      // BEGIN IMMEDIATE: no other process leases between this read and these updates.
      return locked(() => inTransaction(db, () => leaseDue(request, now, until)));
    },
    release(id, worker, state) {
      const valid = PollStateSchema.parse(state);
      return locked(
        () => Number(leaseStatements().release.run(JSON.stringify(valid), id, worker).changes) === 1,
      );
    },
  };
}
