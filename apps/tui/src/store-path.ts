/** The store a command writes to or reads from: --db, else GAZETTE_DB, else ./gazette.db (for ingest). */
export function storePath(db: string | undefined): string | undefined {
  return db || process.env['GAZETTE_DB'] || undefined;
}

export const DEFAULT_STORE = './gazette.db';

/** The store a writing command uses (--db, GAZETTE_DB, ./gazette.db), telling the user when it waits for a lock. */
export async function openCommandStore(io: { stderr: (text: string) => void }, db: string | undefined) {
  const { openSqliteStore } = await import('@gazette/core/node');
  const path = storePath(db) ?? DEFAULT_STORE;
  return { path, store: openSqliteStore(path, { onWait: (m) => io.stderr(`gazette: ${m}…\n`) }) };
}
