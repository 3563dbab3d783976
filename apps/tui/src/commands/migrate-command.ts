import { isPostgresUrl, migratePostgres } from '@gazette/core/node';
import { type CliIo, printJson } from '../cli-io';
import { storePath } from '../store-path';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

/**
 * gazette migrate --db URL: applies the PostgreSQL store's missing migrations (forward only, one
 * transaction, safe to run from two machines at once). A SQLite store needs none: it upgrades itself when
 * a writing command opens it.
 */
export async function migrateCommand(
  io: CliIo,
  args: { db?: string | undefined; json: boolean },
): Promise<number> {
  const target = storePath(args.db);
  if (!target)
    throw new UsageError(
      'gazette migrate needs --db URL (or GAZETTE_DB): the PostgreSQL database to migrate.',
    );
  if (!isPostgresUrl(target)) {
    const note = `${target} is a SQLite store: SQLite stores migrate themselves when a writing command opens them; nothing to do.`;
    if (args.json) printJson(io, { db: target, backend: 'sqlite', applied: [], note });
    else io.stdout(`${safeLine(note)}\n`);
    return 0;
  }
  const report = await migratePostgres(target);
  if (args.json) printJson(io, { db: report.location, backend: 'postgres', ...report });
  else if (report.applied.length === 0)
    io.stdout(`${safeLine(report.location)} is at schema ${report.to}, the current one: nothing to apply.\n`);
  else {
    io.stdout(`Migrated ${safeLine(report.location)} from schema ${report.from} to ${report.to}:\n`);
    for (const m of report.applied) io.stdout(`  applied ${m}\n`);
  }
  return 0;
}
