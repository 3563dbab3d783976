import type { EnrichOptions } from '../enrich/enrich-article';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import type { ArticleMeta } from '../model/article-meta-schema';
import type { InputFormat } from '../model/provenance-schema';
import { parseFeed } from '../formats/feed/parse-feed';
import { parseHtml } from '../formats/html/parse-html';
import type { FieldMapping } from '../formats/json/json-record-to-article';
import { parseJsonArticles } from '../formats/json/parse-json-articles';
import { parseMarkdown } from '../formats/markdown/parse-markdown';
import { parseText } from '../formats/text/parse-text';
import { detectFormat } from './detect-format';

export interface ParseInputOptions extends EnrichOptions {
  /** Overrides detection. */
  format?: InputFormat | 'auto';
  /** A file name or URL: used for detection and in error messages. */
  name?: string;
  meta?: Partial<ArticleMeta>;
  /** The page's URL, when fetched (HTML): resolves links and feeds the URL date pattern. */
  url?: string;
  /** JSON/NDJSON: model field to source field, e.g. { title: "headline" }. */
  mapping?: FieldMapping;
  /**
   * When the input was fetched or ingested (ISO 8601): a date more than a day after it is refused and
   * the next source of the date read. The core has no clock; without `now`, only the absolute rules
   * apply (no date before 1800, no Unix epoch).
   */
  now?: string;
}

/** Parsers by format; each turns one input into one or more Articles, read with the caller's recogniser. */
const PARSERS: Partial<Record<InputFormat, (content: string, options: ParseInputOptions) => Article[]>> = {
  text: (content, { meta, name, now, recognizer }) => [
    parseText(content, meta, { ...(name ? { name } : {}), ...(now ? { now } : {}), recognizer }),
  ],
  markdown: (content, { meta, name, now, recognizer }) => [
    parseMarkdown(content, {
      ...(name ? { name } : {}),
      ...(meta ? { meta } : {}),
      ...(now ? { now } : {}),
      recognizer,
    }),
  ],
  html: (content, { meta, name, url, now, recognizer }) => [
    parseHtml(content, {
      ...(name ? { name } : {}),
      ...(meta ? { meta } : {}),
      ...(url ? { url } : {}),
      ...(now ? { now } : {}),
      recognizer,
    }),
  ],
  feed: (content, { name, now, recognizer }) =>
    parseFeed(content, { ...(name ? { name } : {}), ...(now ? { now } : {}), recognizer }),
  json: (content, { name, mapping, now, recognizer }) =>
    parseJsonArticles(content, {
      format: 'json',
      ...(name ? { name } : {}),
      ...(mapping ? { mapping } : {}),
      ...(now ? { now } : {}),
      recognizer,
    }),
  ndjson: (content, { name, mapping, now, recognizer }) =>
    parseJsonArticles(content, {
      format: 'ndjson',
      ...(name ? { name } : {}),
      ...(mapping ? { mapping } : {}),
      ...(now ? { now } : {}),
      recognizer,
    }),
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
