import { parseArgs } from 'node:util';
import { isGazetteError } from '@gazette/core/query';
import type { CliIo } from './cli-io';
import { entitiesCommand } from './commands/entities-command';
import { listCommand } from './commands/list-command';
import { quotesCommand } from './commands/quotes-command';
import { searchCommand } from './commands/search-command';
import { showCommand } from './commands/show-command';
import { HELP_TEXT } from './help-text';
import { isRemoteError } from '@gazette/api/client';
import { openSource } from './source/open-source';
import { guardedWriter, OutputError, outputFailed } from './std-output';
import { UsageError } from './usage-error';

const VERSION = '0.1.0';

function toLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--limit takes a whole number; got "${value}".`);
  return n;
}

/** Runs the gazette command; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        format: { type: 'string' },
        limit: { type: 'string' },
        cursor: { type: 'string' },
        sort: { type: 'string' },
        db: { type: 'string' },
        segments: { type: 'string' },
        full: { type: 'boolean', default: false },
        'full-deadline': { type: 'string' },
        map: { type: 'string' },
        api: { type: 'string' },
        type: { type: 'string' },
        prefix: { type: 'string' },
        speaker: { type: 'string' },
        article: { type: 'string' },
        every: { type: 'string' },
        once: { type: 'boolean', default: false },
        site: { type: 'string' },
        'site-every': { type: 'string' },
        'site-build': { type: 'string' },
        webhook: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    // Where a database store's segments are kept, for every reader of this run (and the site it rebuilds).
    if (values.segments) process.env['GAZETTE_SEGMENTS'] = values.segments;
    if (values.help || command === 'help') {
      io.stdout(HELP_TEXT);
      return 0;
    }
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const common = {
      json: values.json,
      cursor: values.cursor,
      sort: values.sort,
      ...(values.limit ? { limit: toLimit(values.limit)! } : {}),
    };
    // The interactive UI follows the store or API as it changes; the one-shot commands read once.
    const source = (live = false) =>
      openSource({
        api: values.api,
        db: values.db,
        snapshot: process.env['GAZETTE_SNAPSHOT'] || undefined,
        live,
      });
    switch (command) {
      // parse and ingest need the core's parsers (linkedom, Readability…): loaded only for them, so that
      // reading commands and the UI start without them (@gazette/core/query holds what reading needs).
      case 'ingest':
        return await (await import('./commands/ingest-command')).ingestCommand(io, {
          inputs: rest,
          db: values.db,
          format: values.format,
          full: values.full,
          fullDeadline: values['full-deadline'],
          map: values.map,
          json: values.json,
        });
      case 'follow':
        return await (await import('./commands/follow-commands')).followCommand(io, {
          urls: rest,
          db: values.db,
          full: values.full,
          every: values.every,
          json: values.json,
        });
      case 'sources':
        return await (await import('./commands/follow-commands')).sourcesCommand(io, {
          db: values.db,
          json: values.json,
        });
      case 'unfollow':
        return await (await import('./commands/follow-commands')).unfollowCommand(io, {
          targets: rest,
          db: values.db,
        });
      case 'watch':
        return await (await import('./commands/follow-commands')).watchCommand(io, {
          db: values.db,
          once: values.once,
          json: values.json,
          site: values.site,
          siteEvery: values['site-every'],
          siteBuild: values['site-build'],
        });
      case 'alert':
        return await (await import('./commands/alert-commands')).alertCommand(io, {
          words: rest,
          db: values.db,
          webhook: values.webhook,
          json: values.json,
        });
      case 'alerts':
        return await (await import('./commands/alert-commands')).alertsCommand(io, {
          db: values.db,
          json: values.json,
        });
      case 'migrate':
        return await (await import('./commands/migrate-command')).migrateCommand(io, {
          db: values.db,
          json: values.json,
        });
      case 'export':
        await (await import('./commands/export-command')).exportCommand(io, {
          db: values.db,
          format: values.format,
        });
        return 0;
      case 'parse':
        await (await import('./commands/parse-command')).parseCommand(io, {
          file: rest[0],
          format: values.format,
        });
        return 0;
      case 'list':
        await listCommand(io, await source(), common);
        return 0;
      case 'show':
        await showCommand(io, await source(), { id: rest[0], json: values.json });
        return 0;
      case 'search':
        await searchCommand(io, await source(), {
          ...common,
          query: rest.join(' ') || undefined,
        });
        return 0;
      case 'entities':
        await entitiesCommand(io, await source(), {
          ...common,
          type: values.type,
          prefix: values.prefix ?? rest[0],
        });
        return 0;
      case 'quotes':
        await quotesCommand(io, await source(), {
          ...common,
          speaker: values.speaker,
          article: values.article,
          q: rest.join(' ') || undefined,
        });
        return 0;
      case undefined:
        // The interactive UI needs a terminal both ways; piped, the command prints its usage instead.
        if (!io.isTTY || !process.stdin.isTTY) {
          io.stdout(HELP_TEXT);
          return 0;
        }
        return (await import('./run-tui')).runTui(() => source(true));
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof OutputError) return outputFailed(error, io.stderr);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`gazette: ${(error as Error).message}\nRun gazette --help for usage.\n`);
      return 2;
    }
    if (isGazetteError(error) || isRemoteError(error)) {
      io.stderr(`gazette: ${error.message}\n`);
      return 1;
    }
    io.stderr(
      `gazette: unexpected error: ${(error as Error)?.message ?? String(error)}\nThis is a bug; please report it with the command you ran.\n`,
    );
    return 70;
  }
}

const isMain = process.argv[1] && /gazette(\.js)?$|cli\.js$/.test(process.argv[1]);
if (isMain) {
  // A closed pipe (`gazette show ID | head -3`) or a full disk is an exit code, never a stack trace.
  const stdout = guardedWriter(process.stdout);
  const stderr = guardedWriter(process.stderr);
  const io: CliIo = {
    stdout: stdout.write,
    drained: stdout.drain,
    stderr: (t) => {
      try {
        stderr.write(t);
      } catch {} // standard error closed: there is nowhere left to say anything
    },
    stdin: async () => (await import('@gazette/core/node')).readStdin(),
    isTTY: Boolean(process.stdout.isTTY),
  };
  runCli(process.argv.slice(2), io).then(async (code) => {
    // The last write may have failed once the command had nothing more to write: it still did not succeed.
    const failed = await stdout.failure();
    process.exitCode = failed && code === 0 ? outputFailed(failed, io.stderr) : code;
    // Stopped by a signal (ingest): the summary is printed; requests still in flight must not hold the exit.
    if (code === 130 || code === 143) process.exit(code);
  });
}
