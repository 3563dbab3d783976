import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { TEXT_LIMITS } from '../text/normalize-text';
import { parseText } from '../text/parse-text';

/** Bytes read from a file at most: a little over the text limit, so the limit's own error is reported. */
const MAX_FILE_BYTES = TEXT_LIMITS.maxChars * 4;

/** Reads a file (or standard input for "-") as UTF-8 text, refusing what is too large to be an article. */
export async function readTextInput(path: string, stdin: () => Promise<string> = readStdin): Promise<string> {
  if (path === '-') return stdin();
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new GazetteError(
        'UNSUPPORTED_FORMAT',
        `${path} is a folder; give a file (or use "gazette ingest" for folders).`,
        { where: path },
      );
    size = info.size;
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    throw new GazetteError(
      'NOT_FOUND',
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
      { where: path },
    );
  }
  if (size > MAX_FILE_BYTES) {
    throw new GazetteError(
      'INPUT_TOO_LARGE',
      `${path} is ${(size / 1e6).toFixed(1)} MB; an article file may be at most ${(MAX_FILE_BYTES / 1e6).toFixed(0)} MB.`,
      { where: path },
    );
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(await readFile(path));
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_FILE_BYTES)
      throw new GazetteError(
        'INPUT_TOO_LARGE',
        `Standard input is over ${(MAX_FILE_BYTES / 1e6).toFixed(0)} MB; an article may be at most that.`,
        { where: 'stdin' },
      );
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Reads a plain-text article file into an Article. */
export async function readArticleFile(path: string): Promise<Article> {
  const text = await readTextInput(path);
  return parseText(text, undefined, { name: path === '-' ? 'standard input' : basename(path) });
}
