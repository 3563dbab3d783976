import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  type FollowedSource,
  FollowedSourceSchema,
  type PollState,
  PollStateSchema,
} from '../follow/followed-source-schema';
import type { SourceRegistry } from '../store/store-types';
import { readStoredJson } from '../store/stored-json';

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
  };
}
