import { Readability } from '@mozilla/readability';
import { buildArticle } from '../../article/build-article';
import type { EnrichOptions } from '../../enrich/enrich-article';
import { GazetteError } from '../../errors/gazette-error';
import type { Article } from '../../model/article-schema';
import type { ArticleMeta } from '../../model/article-meta-schema';
import { readMeta } from '../../metadata/read-meta';
import { type CreateDocument, createDocument as linkedomDocument } from './create-document';
import { htmlToBlocks } from './html-to-blocks';
import { type ReadabilityFields, readHtmlMeta } from './read-html-meta';

/** An HTML page may be at most this many characters (10 M): larger is not an article page. */
export const MAX_HTML_CHARS = 10_000_000;

export interface ParseHtmlOptions extends EnrichOptions {
  /** Where the page came from (file name or URL), for errors. */
  name?: string;
  /** The page's own URL, when fetched: resolves relative links and feeds the URL date pattern. */
  url?: string;
  /** What the caller knows; wins over what the page says (e.g. a feed item's fields). */
  meta?: Partial<ArticleMeta> | Record<string, unknown>;
  /** What another source (a feed item) says, used only for fields the page itself lacks. */
  fallback?: { meta: ArticleMeta; fieldSources: Record<string, string>; identity?: string };
  /**
   * When the page was fetched (ISO 8601). Dates after it (by more than a day) are refused, as are
   * placeholders (before 1800, the Unix epoch) always; the core has no clock, so without `now` only
   * the absolute rules apply.
   */
  now?: string;
  /** The DOM to use; linkedom by default. */
  createDocument?: CreateDocument;
}

/**
 * Reads a web page into an Article: the main content (Mozilla Readability) as structured blocks, and
 * the metadata Readability lacks (JSON-LD, Open Graph, article:*, Parse.ly, Dublin Core, <time>, URL
 * date), each field's source recorded in provenance.
 */
export function parseHtml(html: string, options: ParseHtmlOptions = {}): Article {
  const where = options.name ?? options.url ?? 'HTML page';
  if (typeof html !== 'string' || !html.trim())
    throw new GazetteError('EMPTY_INPUT', `The ${where} is empty.`, { where });
  if (html.length > MAX_HTML_CHARS)
    throw new GazetteError(
      'INPUT_TOO_LARGE',
      `The ${where} is ${html.length.toLocaleString('en')} characters; a page may be at most ${MAX_HTML_CHARS.toLocaleString('en')}.`,
      { where },
    );
  if (html.includes('\u0000'))
    throw new GazetteError('BINARY_INPUT', `The ${where} holds NUL bytes: it is not an HTML page.`, {
      where,
    });
  const create = options.createDocument ?? linkedomDocument;
  const doc = create(html);
  // Readability rewrites the DOM it reads, so it gets its own copy; the metadata is read from the original.
  const copy = doc.cloneNode(true) as Document;
  let readable: (ReadabilityFields & { content?: Node | null | undefined }) | null = null;
  try {
    readable = new Readability(copy, { serializer: (el: Node) => el }).parse();
  } catch {
    readable = null; // Readability gives up on some pages; the whole body is read instead.
  }
  const found = readHtmlMeta(doc, readable ?? {}, options.url, options.now);
  const given = readMeta(options.meta as Record<string, unknown> | undefined, 'meta argument', {
    now: options.now,
  });
  const fieldSources: Record<string, string> = { ...found.fieldSources };
  for (const key of Object.keys(given)) fieldSources[key] = 'given';
  const meta: ArticleMeta = { ...found.meta, ...given };
  for (const [key, value] of Object.entries(options.fallback?.meta ?? {}) as Array<
    [keyof ArticleMeta, never]
  >) {
    if (meta[key] !== undefined || value === undefined) continue;
    meta[key] = value;
    fieldSources[key] = options.fallback?.fieldSources[key] ?? 'fallback';
  }

  const root = readable?.content ?? doc.body ?? doc.documentElement;
  let body = root ? htmlToBlocks(root, { title: meta.title }) : [];
  if (body.length === 0 && doc.body) body = htmlToBlocks(doc.body, { title: meta.title });
  fieldSources.body = readable?.content ? 'readability' : 'html:body';
  if (body.length === 0 && !meta.title)
    throw new GazetteError('EMPTY_INPUT', `The ${where} holds no readable text.`, { where });
  const identity = options.fallback?.identity;
  return buildArticle(
    {
      format: 'html',
      body,
      meta,
      fieldSources,
      now: options.now,
      ...(identity ? { identity } : {}),
      ...(found.sectionFront ? { sectionFront: true } : {}),
    },
    options,
  );
}
