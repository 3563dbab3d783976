import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import type { ArticleMeta } from '../model/article-meta-schema';
import type { InputFormat } from '../model/provenance-schema';
import { parseText } from '../text/parse-text';
import { detectFormat } from './detect-format';

export interface ParseInputOptions {
  /** Overrides detection. */
  format?: InputFormat | 'auto';
  /** A file name or URL: used for detection and in error messages. */
  name?: string;
  meta?: Partial<ArticleMeta>;
}

/** Parsers by format; each turns one input into one or more Articles. */
const PARSERS: Partial<Record<InputFormat, (content: string, options: ParseInputOptions) => Article[]>> = {
  text: (content, { meta, name }) => [parseText(content, meta, name ? { name } : {})],
  markdown: (content, { meta, name }) => [parseText(content, meta, name ? { name } : {})],
};

/** Reads any supported input into Articles, detecting its format unless one is given. */
export function parseInput(content: string, options: ParseInputOptions = {}): Article[] {
  const format =
    !options.format || options.format === 'auto' ? detectFormat(content, options.name) : options.format;
  const parser = PARSERS[format];
  if (!parser) {
    throw new GazetteError(
      'UNSUPPORTED_FORMAT',
      `${options.name ?? 'The input'} is ${format}, which this version of Gazette cannot read yet; give plain text or Markdown, or pass --format text.`,
      {
        where: options.name ?? 'input',
      },
    );
  }
  return parser(content, options);
}
