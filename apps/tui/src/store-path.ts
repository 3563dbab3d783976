/** The store a command writes to or reads from: --db, else GAZETTE_DB, else ./gazette.db (for ingest). */
export function storePath(db: string | undefined): string | undefined {
  return db || process.env['GAZETTE_DB'] || undefined;
}

export const DEFAULT_STORE = './gazette.db';
