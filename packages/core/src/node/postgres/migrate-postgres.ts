import type { Sql, TransactionSql } from 'postgres';
import { GazetteError } from '../../errors/gazette-error';
import { asStoreError, connect, withoutPassword } from './postgres-connection';
import { MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './migrations';

/** Held by a migration's transaction, so two `gazette migrate` at once apply each migration once. */
const MIGRATION_LOCK = 0x67617a01;

export interface MigrationReport {
  /** The database, without its password. */
  location: string;
  /** The schema version before and after. */
  from: number;
  to: number;
  /** The migrations applied now ("3 name"), in order; none when it was current. */
  applied: string[];
}

/** The schema version recorded in the database (0: no Gazette schema yet). */
async function appliedVersion(sql: Sql | TransactionSql): Promise<number> {
  const [table] = await sql`SELECT to_regclass('gazette_schema') IS NOT NULL AS present`;
  if (!table?.present) return 0;
  const [row] = await sql`SELECT coalesce(max(version), 0)::int AS version FROM gazette_schema`;
  return Number(row?.version ?? 0);
}

const newerError = (location: string, version: number) =>
  new GazetteError(
    'STORE_ERROR',
    `The PostgreSQL store ${location} was migrated by a newer Gazette (schema ${version}; this one knows up to ${POSTGRES_SCHEMA_VERSION}): upgrade Gazette to use it.`,
    { where: location },
  );

/**
 * Applies the migrations the database lacks, in order, in one transaction under an advisory lock: two
 * migrators at once wait for each other, and a failure leaves the schema as it was.
 */
export async function migratePostgres(url: string): Promise<MigrationReport> {
  const location = withoutPassword(url);
  const sql = connect(url, { max: 1 });
  try {
    return await asStoreError(location, 'migrate', () =>
      sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
        await tx`CREATE TABLE IF NOT EXISTS gazette_schema (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
        const from = await appliedVersion(tx);
        if (from > POSTGRES_SCHEMA_VERSION) throw newerError(location, from);
        const applied: string[] = [];
        for (const m of MIGRATIONS.filter((m) => m.version > from)) {
          await tx.unsafe(m.sql);
          await tx`INSERT INTO gazette_schema(version, name) VALUES (${m.version}, ${m.name})`;
          applied.push(`${m.version} ${m.name}`);
        }
        return { location, from, to: POSTGRES_SCHEMA_VERSION, applied };
      }),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Refuses a database whose schema this Gazette does not know, or one not migrated yet, saying what to run. */
export async function checkSchema(sql: Sql, location: string): Promise<void> {
  const version = await asStoreError(location, 'open', () => appliedVersion(sql));
  if (version > POSTGRES_SCHEMA_VERSION) throw newerError(location, version);
  if (version < POSTGRES_SCHEMA_VERSION)
    throw new GazetteError(
      'STORE_ERROR',
      version === 0
        ? `The PostgreSQL database ${location} has no Gazette schema yet: run \`gazette migrate --db ${location}\` first.`
        : `The PostgreSQL store ${location} is at schema ${version}; this Gazette needs ${POSTGRES_SCHEMA_VERSION}: run \`gazette migrate --db ${location}\`.`,
      { where: location },
    );
}
