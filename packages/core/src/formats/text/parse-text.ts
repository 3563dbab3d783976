import { buildArticle } from '../../article/build-article';
import type { EnrichOptions } from '../../enrich/enrich-article';
import { GazetteError } from '../../errors/gazette-error';
import type { Article } from '../../model/article-schema';
import type { ArticleMeta } from '../../model/article-meta-schema';
import type { QualityFlag } from '../../model/quality-flag-schema';
import { classifyLines, isSentence, looksLikeHeadline } from './classify-lines';
import { assertTextInput, normalizeText, TEXT_LIMITS } from '../../text/normalize-text';
import { readMeta } from '../../metadata/read-meta';
import { readHeadLines } from '../../metadata/head-lines';
import { fillFromHead } from '../../article/lift-head';
import { splitFrontMatter } from './split-front-matter';
import { unwrapLines } from './unwrap-lines';

export interface ParseTextOptions extends EnrichOptions {
  /** Where the text came from, for error messages (a file name). */
  name?: string;
  /**
   * When the input was fetched or ingested (ISO 8601): dates more than a day after it are refused. The
   * core has no clock; without `now`, only the absolute rules apply (no date before 1800, no epoch).
   */
  now?: string;
}

/**
 * The story's own title (scraped with it), taken off the lines: a Markdown-style "# Headline" first
 * line, or a headline-shaped first line followed, past any byline and date lines, by a sentence.
 */
function takeTitle(lines: string[], now: string | undefined): string | undefined {
  if (lines.length < 2) return undefined;
  const heading = /^#\s+(\S.*)$/u.exec(lines[0]!);
  const next = lines[1 + readHeadLines(lines.slice(1), now).count];
  if (!heading && !(looksLikeHeadline(lines[0]!) && next !== undefined && isSentence(next))) return undefined;
  const first = lines.shift()!;
  return heading ? heading[1]!.trim() : first;
}

/**
 * Reads a plain-text article (one paragraph per line or per blank-line-separated block, optionally
 * with YAML front matter) into an Article. `meta` wins over front matter; anything absent stays absent.
 * Throws a GazetteError that says what is wrong and where for input that is not an article.
 */
export function parseText(
  text: string,
  meta?: Partial<ArticleMeta> | Record<string, unknown>,
  options: ParseTextOptions = {},
): Article {
  const where = options.name ?? 'text';
  if (typeof text !== 'string')
    throw new GazetteError('EMPTY_INPUT', `The ${where} is not a string.`, { where });
  assertTextInput(text, where);
  const front = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const fromFront = readMeta(front.data, 'front matter', { now: options.now, splitByline: true });
  const given = readMeta(meta as Record<string, unknown> | undefined, 'meta argument', { now: options.now });
  const merged: ArticleMeta = { ...fromFront, ...given };
  const fieldSources: Record<string, string> = {};
  for (const key of Object.keys(fromFront)) fieldSources[key] = 'front-matter';
  for (const key of Object.keys(given)) fieldSources[key] = 'given';

  const rawLines = front.body.split(/\r\n?|\n/);
  for (let i = 0; i < rawLines.length; i++) {
    if (rawLines[i]!.length > TEXT_LIMITS.maxLineChars) {
      const line = i + 1 + front.lineOffset;
      throw new GazetteError(
        'LINE_TOO_LONG',
        `Line ${line} of the ${where} is ${rawLines[i]!.length.toLocaleString('en')} characters long; a paragraph may be at most ${TEXT_LIMITS.maxLineChars.toLocaleString('en')}. Is this really plain text with one paragraph per line?`,
        { where, line },
      );
    }
  }
  const normalized = normalizeText(front.body);
  // Hard-wrapped paragraphs are joined first: a line that continues a sentence is never sorted alone.
  const lines = unwrapLines(normalized.text, { now: options.now });
  if (lines.length === 0) {
    throw new GazetteError(
      'EMPTY_INPUT',
      `The ${where} holds no text${front.data ? ' after its front matter' : ''}.`,
      { where },
    );
  }
  const titleFromText = merged.title ? undefined : takeTitle(lines, options.now);
  // Byline and date lines under the title are metadata: lifted before the lines are sorted.
  let head = readHeadLines(lines, options.now);
  if (head.count >= lines.length) head = { count: 0, meta: {} };
  const withHead = fillFromHead(merged, fieldSources, head.meta);
  const { body, related } = classifyLines(lines.slice(head.count));
  if (body.length === 0) {
    throw new GazetteError(
      'EMPTY_INPUT',
      `The ${where} holds no story text: every line looked like a link or page furniture.`,
      { where },
    );
  }
  const quality: QualityFlag[] = [];
  if (normalized.removedControls) quality.push('control-characters-removed');
  if (normalized.removedBidi) quality.push('bidi-controls-removed');
  return buildArticle(
    {
      format: 'text',
      body,
      related,
      meta: withHead,
      fieldSources,
      quality,
      now: options.now,
      ...(titleFromText ? { titleFromText } : {}),
    },
    options,
  );
}
