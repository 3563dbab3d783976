import { articleRecognizer } from './article-recognizer';
import { basename } from 'node:path';
import { parseInput } from '@gazette/core';
import { type InputFormat, InputFormatSchema } from '@gazette/core/query';
import { describeDecoding, detectFormat } from '@gazette/core/internals';
import { readTextInput } from '@gazette/core/node';
import { type CliIo, printJson } from '../cli-io';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

/**
 * Formats that hold one article print it as an object; feeds, JSON and NDJSON hold a list and print an
 * array, even of one item or none: the shape follows what the input is, not how many items it has today.
 */
const ONE_ARTICLE: ReadonlySet<InputFormat> = new Set(['text', 'html', 'markdown']);

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
  // Parsing one file is worth the trained entity tagger and the gazetteer (loaded only here, on demand).
  const recognizer = await articleRecognizer();
  const { text, ...decoding } = await readTextInput(args.file, io.stdin);
  const note = describeDecoding(decoding);
  if (note)
    io.stderr(`gazette: note: ${safeLine(args.file === '-' ? 'standard input' : args.file)}: ${note}\n`);
  const name = args.file === '-' ? 'standard input' : basename(args.file);
  const resolved = format === 'auto' ? detectFormat(text, name) : (format as InputFormat);
  // The core has no clock: a date more than a day after now is no article's date.
  const articles = parseInput(text, {
    format: resolved,
    name,
    now: new Date().toISOString(),
    recognizer,
  });
  printJson(io, ONE_ARTICLE.has(resolved) ? articles[0] : articles);
}
