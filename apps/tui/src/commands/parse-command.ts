import { basename } from 'node:path';
import { detectFormat, type InputFormat, InputFormatSchema, parseInput } from '@gazette/core';
import { readTextInput } from '@gazette/core/node';
import { type CliIo, printJson } from '../cli-io';
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
  // Parsing one file is worth the trained entity tagger (its weights load only here, on demand).
  const { installNerModel } = await import('@gazette/core/ner');
  installNerModel();
  const content = await readTextInput(args.file, io.stdin);
  const name = args.file === '-' ? 'standard input' : basename(args.file);
  const resolved = format === 'auto' ? detectFormat(content, name) : (format as InputFormat);
  const articles = parseInput(content, { format: resolved, name });
  printJson(io, ONE_ARTICLE.has(resolved) ? articles[0] : articles);
}
