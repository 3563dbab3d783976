import { buildArticle } from '../../article/build-article';
import type { EnrichOptions } from '../../enrich/enrich-article';
import { GazetteError } from '../../errors/gazette-error';
import type { Article } from '../../model/article-schema';
import type { ArticleMeta } from '../../model/article-meta-schema';
import type { Block, BlockKind } from '../../model/block-schema';
import { assertTextInput, normalizeLine } from '../../text/normalize-text';
import { readMeta } from '../../metadata/read-meta';
import { splitFrontMatter } from '../text/split-front-matter';

/** Inline Markdown to plain text: links keep their words, emphasis and code marks go, images go. */
function inline(text: string): string {
  // Character classes stop at the next bracket or angle, so every pattern runs in linear time.
  return normalizeLine(
    text
      .replace(/!\[[^\][]*\]\([^()]*\)/g, '')
      .replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^\][]*)\]\[[^\][]*\]/g, '$1')
      .replace(/<\/?[a-z][^<>]*>/gi, '')
      .replace(/\*\*|__/g, '')
      .replace(/(^|[\s("'“‘])[*_](?=\S)/gu, '$1')
      .replace(/(\S)[*_](?=$|[\s).,;:!?"'”’])/gu, '$1')
      .replace(/`/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1'),
  );
}

/** "Title ##" is "Title": closing hashes after a space are decoration. */
function stripClosingHashes(text: string): string {
  let t = text.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end < t.length && (end === 0 || t[end - 1] === ' ' || t[end - 1] === '\t'))
    t = t.slice(0, end).trimEnd();
  return t;
}

/** The caller's meta over the front matter's, and where each field came from. */
function markdownMeta(
  data: Record<string, unknown> | undefined,
  options: { meta?: Partial<ArticleMeta> | Record<string, unknown>; now?: string },
): { meta: ArticleMeta; fieldSources: Record<string, string> } {
  const fromFront = readMeta(data, 'front matter', { now: options.now, splitByline: true });
  const given = readMeta(options.meta as Record<string, unknown> | undefined, 'meta argument', {
    now: options.now,
  });
  const meta: ArticleMeta = { ...fromFront, ...given };
  const fieldSources: Record<string, string> = {};
  for (const key of Object.keys(fromFront)) fieldSources[key] = 'front-matter';
  for (const key of Object.keys(given)) fieldSources[key] = 'given';
  return { meta, fieldSources };
}

/**
 * The body's blocks, line by line: fenced code as paragraphs, headings (ATX and setext), block quotes, list
 * items, and paragraphs joined over their lines; rules and blank lines end a block.
 */
function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let buffer: string[] = [];
  let bufferKind: BlockKind = 'paragraph';
  let inFence = false;
  const flush = () => {
    const t = inline(buffer.join(' '));
    if (t) blocks.push({ kind: bufferKind, text: t });
    buffer = [];
    bufferKind = 'paragraph';
  };
  for (const raw of body.split(/\r\n?|\n/)) {
    const line = raw.replace(/\t/g, '    ');
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (line.trim()) blocks.push({ kind: 'paragraph', text: normalizeLine(line) });
      continue;
    }
    if (!line.trim() || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(\S.*)$/.exec(line);
    if (heading) {
      flush();
      bufferKind = 'heading';
      buffer.push(stripClosingHashes(heading[2]!));
      flush();
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      if (bufferKind !== 'blockquote') flush();
      bufferKind = 'blockquote';
      if (quote[1]!.trim()) buffer.push(quote[1]!);
      else flush();
      continue;
    }
    const item = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(\S.*)$/.exec(line);
    if (item) {
      flush();
      bufferKind = 'list-item';
      buffer.push(item[1]!);
      continue;
    }
    // Setext heading underline ("Title\n=====").
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && buffer.length && bufferKind === 'paragraph') {
      bufferKind = 'heading';
      flush();
      continue;
    }
    if (bufferKind === 'heading' || (bufferKind === 'blockquote' && !quote)) flush();
    buffer.push(line.trim());
  }
  flush();
  return blocks;
}

/**
 * Reads a Markdown article with optional YAML front matter: headings, block quotes, list items and
 * paragraphs become model blocks; a leading `# Title` is the title when the front matter has none.
 */
export function parseMarkdown(
  text: string,
  options: EnrichOptions & {
    name?: string;
    meta?: Partial<ArticleMeta> | Record<string, unknown>;
    now?: string;
  } = {},
): Article {
  const where = options.name ?? 'Markdown';
  assertTextInput(text, where);
  const front = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const { meta, fieldSources } = markdownMeta(front.data, options);
  const blocks = markdownBlocks(front.body);
  let titleFromText: string | undefined;
  if (!meta.title && blocks[0]?.kind === 'heading') titleFromText = blocks.shift()!.text;
  if (blocks.length === 0)
    throw new GazetteError(
      'EMPTY_INPUT',
      `The ${where} holds no text${front.data ? ' after its front matter' : ''}.`,
      { where },
    );
  return buildArticle(
    {
      format: 'markdown',
      body: blocks,
      meta,
      fieldSources,
      now: options.now,
      ...(titleFromText ? { titleFromText } : {}),
    },
    options,
  );
}
