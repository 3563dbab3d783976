import { parseArgs } from 'node:util';
import { isGazetteError } from '@gazette/core';
import { readStdin } from '@gazette/core/node';
import type { CliIo } from './cli-io';
import { listCommand } from './commands/list-command';
import { parseCommand } from './commands/parse-command';
import { searchCommand } from './commands/search-command';
import { showCommand } from './commands/show-command';
import { HELP_TEXT } from './help-text';
import { openCorpus } from './open-corpus';
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
      },
    });
    const [command, ...rest] = positionals;
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
    switch (command) {
      case 'parse':
        await parseCommand(io, { file: rest[0], format: values.format });
        return 0;
      case 'list':
        listCommand(io, await openCorpus({ db: values.db }), common);
        return 0;
      case 'show':
        showCommand(io, await openCorpus({ db: values.db }), { id: rest[0], json: values.json });
        return 0;
      case 'search':
        searchCommand(io, await openCorpus({ db: values.db }), {
          ...common,
          query: rest.join(' ') || undefined,
        });
        return 0;
      case undefined:
        io.stdout(HELP_TEXT);
        return 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`gazette: ${(error as Error).message}\nRun gazette --help for usage.\n`);
      return 2;
    }
    if (isGazetteError(error)) {
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
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: readStdin,
    isTTY: Boolean(process.stdout.isTTY),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
