/** The store a command writes to or reads from: --db, else GAZETTE_DB, else ./gazette.db (for ingest). */
export function storePath(db: string | undefined): string | undefined {
  return db || process.env['GAZETTE_DB'] || undefined;
}

export const DEFAULT_STORE = './gazette.db';

/**
 * The store a writing command uses (--db, GAZETTE_DB, ./gazette.db: a SQLite file, made when missing, or a
 * PostgreSQL URL), telling the user when it waits for a lock. `path` is where it is as shown to the user
 * (a URL without its password), `db` as given (for what opens it again: the site rebuilder).
 */
export async function openCommandStore(io: { stderr: (text: string) => void }, db: string | undefined) {
  const { openStore } = await import('@gazette/core/node/query');
  const given = storePath(db) ?? DEFAULT_STORE;
  const store = await openStore(given, { create: true, onWait: (m) => io.stderr(`gazette: ${m}…\n`) });
  return { path: store.location, db: given, store };
}
