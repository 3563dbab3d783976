import { basename } from 'node:path';
import type { EnrichOptions } from '../enrich/enrich-article';
import { type DecodedText, decodeBytes } from '../input/decode-bytes';
import type { Article } from '../model/article-schema';
import { parseText } from '../formats/text/parse-text';
import { readBounded, readInputBytes } from './read-input-bytes';

/** Standard input as bytes (or, from a test, as text), read through the same byte cap as files. */
export type ReadStdin = () => Promise<Uint8Array | string>;

/**
 * Reads a file, FIFO or device (or standard input for "-") and decodes it (BOM, then its own
 * charset declaration, else sniffed), refusing more than MAX_INPUT_BYTES, counted as read.
 */
export async function readTextInput(path: string, stdin: ReadStdin = readStdin): Promise<DecodedText> {
  const input = path === '-' ? await stdin() : await readInputBytes(path);
  if (typeof input === 'string')
    return { text: input, encoding: 'utf-8', source: 'default', replacements: 0 };
  return decodeBytes(input);
}

export function readStdin(): Promise<Uint8Array> {
  return readBounded({ stream: process.stdin, where: 'stdin', label: 'Standard input' });
}

/** Reads a plain-text article file into an Article, its names found by `options.recognizer` (rules by default). */
export async function readArticleFile(path: string, options: EnrichOptions = {}): Promise<Article> {
  const { text } = await readTextInput(path);
  return parseText(text, undefined, {
    name: path === '-' ? 'standard input' : basename(path),
    recognizer: options.recognizer,
  });
}
