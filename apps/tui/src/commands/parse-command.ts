import { basename } from 'node:path';
import { describeDecoding, InputFormatSchema, parseInput } from '@gazette/core';
import { readTextInput } from '@gazette/core/node';
import { type CliIo, printJson } from '../cli-io';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

export async function parseCommand(
  io: CliIo,
  args: { file?: string | undefined; format?: string | undefined },
): Promise<void> {
  if (!args.file) throw new UsageError('gazette parse needs a FILE (or - for standard input).');
  const format = args.format ?? 'auto';
  if (format !== 'auto' && !InputFormatSchema.safeParse(format).success) {
    throw new UsageError(
      `--format must be auto or one of ${InputFormatSchema.options.join(', ')}; got "${format}".`,
    );
  }
  // Parsing one file is worth the trained entity tagger (its weights load only here, on demand).
  const { installNerModel } = await import('@gazette/core/ner');
  installNerModel();
  const { text, ...decoding } = await readTextInput(args.file, io.stdin);
  const note = describeDecoding(decoding);
  if (note)
    io.stderr(`gazette: note: ${safeLine(args.file === '-' ? 'standard input' : args.file)}: ${note}\n`);
  const articles = parseInput(text, {
    format: format as 'auto',
    name: args.file === '-' ? 'standard input' : basename(args.file),
    // The core has no clock: a date more than a day after now is no article's date.
    now: new Date().toISOString(),
  });
  printJson(io, articles.length === 1 ? articles[0] : articles);
}
