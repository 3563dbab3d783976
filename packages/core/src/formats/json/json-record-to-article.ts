import { buildArticle } from '../../article/build-article';
import type { EnrichOptions } from '../../enrich/enrich-article';
import { GazetteError } from '../../errors/gazette-error';
import { createDocument } from '../html/create-document';
import { htmlToBlocks } from '../html/html-to-blocks';
import { readDate } from '../../metadata/normalize-date';
import { isPlausibleDate } from '../../metadata/plausible-date';
import { type Article, ArticleSchema } from '../../model/article-schema';
import { type Block, BlockKindSchema } from '../../model/block-schema';
import type { InputFormat } from '../../model/provenance-schema';
import { classifyLines } from '../text/classify-lines';
import { unwrapLines } from '../text/unwrap-lines';
import { normalizeText } from '../../text/normalize-text';
import { readMeta } from '../../metadata/read-meta';
import { recordIdentity, type UrlsSeen } from './record-identity';

/** Maps model fields to the names a source uses, e.g. { title: "headline", body: "content" }. */
export type FieldMapping = Record<string, string>;

const BODY_KEYS = [
  'body',
  'text',
  'content',
  'articleBody',
  'article',
  'content_html',
  'html',
  'content_text',
];
const DATE_KEYS = [
  'publishedAt',
  'updatedAt',
  'date',
  'published',
  'published_at',
  'datePublished',
  'updated',
  'updated_at',
  'modified',
  'dateModified',
];

function get(record: Record<string, unknown>, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function textToBlocks(text: string): { body: Block[]; related: ReturnType<typeof classifyLines>['related'] } {
  if (/<(?:p|div|h[1-6]|br|li|blockquote)\b/i.test(text)) {
    const doc = createDocument(`<!doctype html><html><body>${text}</body></html>`);
    return { body: doc.body ? htmlToBlocks(doc.body) : [], related: [] };
  }
  // Hard-wrapped body text is joined into its paragraphs first, as in plain text.
  const lines = unwrapLines(normalizeText(text).text);
  return lines.length ? classifyLines(lines) : { body: [], related: [] };
}

export interface JsonRecordOptions extends EnrichOptions {
  where: string;
  format: InputFormat;
  mapping?: FieldMapping;
  /** When the record was fetched or ingested (ISO 8601): dates more than a day after it are refused. */
  now?: string | undefined;
  /** The URLs earlier records of the same file used: a record repeating one is not its page (see recordIdentity). */
  urlsSeen?: UrlsSeen;
}

/**
 * An Article kept as it is (an export read back) loses a date that cannot be its own, like any other
 * input: the date is removed, with its provenance, and the article is flagged `no-date` when undated.
 */
function withoutRefusedDates(article: Article, now: string | undefined): Article {
  const refused = (['publishedAt', 'updatedAt', 'firstSeenAt'] as const).filter(
    (key) => article[key] !== undefined && !isPlausibleDate(article[key], now),
  );
  if (refused.length === 0) return article;
  const out: Article = {
    ...article,
    provenance: { ...article.provenance, fields: { ...article.provenance.fields } },
  };
  for (const key of refused) {
    delete out[key];
    delete out.provenance.fields[key];
  }
  if (!out.publishedAt && !out.quality.includes('no-date'))
    out.quality = [...out.quality, 'no-date' as const].sort();
  return out;
}

/**
 * Turns one JSON record into an Article: a record that already is a valid Article is kept as it is;
 * otherwise its fields are read through the mapping and common names (title/headline, body/text/content,
 * author/authors, date/datePublished, url/link...), and the body is read as text (or HTML).
 */
export function jsonRecordToArticle(record: Record<string, unknown>, options: JsonRecordOptions): Article {
  const asArticle = ArticleSchema.safeParse(record);
  if (asArticle.success) return withoutRefusedDates(asArticle.data, options.now);
  const mapped: Record<string, unknown> = { ...record };
  for (const [field, from] of Object.entries(options.mapping ?? {})) {
    const value = get(record, from);
    if (value !== undefined) mapped[field] = value;
  }
  const bodyKey = BODY_KEYS.find((k) => mapped[k] !== undefined && mapped[k] !== null && mapped[k] !== '');
  const rawBody = bodyKey ? mapped[bodyKey] : undefined;
  let body: Block[] = [];
  let related: ReturnType<typeof classifyLines>['related'] = [];
  if (typeof rawBody === 'string') ({ body, related } = textToBlocks(rawBody));
  else if (Array.isArray(rawBody)) {
    for (const item of rawBody) {
      if (typeof item === 'string') body.push(...textToBlocks(item).body);
      else if (item && typeof item === 'object') {
        const { kind, text } = item as { kind?: unknown; text?: unknown };
        const k = BlockKindSchema.safeParse(kind);
        if (typeof text === 'string' && text.trim())
          body.push({
            kind: k.success ? k.data : 'paragraph',
            text: normalizeText(text).text.replace(/\n+/g, ' '),
          });
      }
    }
  }
  if (body.length === 0)
    throw new GazetteError(
      'INVALID_ARTICLE',
      `${options.where} has no body text: give "body" (or text/content), or map a field with --map body=FIELD.`,
      { where: options.where },
    );
  const metaInput: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mapped)) {
    if (BODY_KEYS.includes(k)) continue;
    // An unreadable date is kept as written, for readMeta to report; readMeta drops a refused one.
    if (DATE_KEYS.includes(k) && typeof v === 'string') metaInput[k] = readDate(v) ?? v;
    else if ((k === 'author' || k === 'authors' || k === 'byline') && Array.isArray(v))
      metaInput[k] = v
        .map((a) => (a && typeof a === 'object' ? (a as { name?: unknown }).name : a))
        .filter((a) => typeof a === 'string');
    else if ((k === 'author' || k === 'byline') && v && typeof v === 'object')
      metaInput[k] = (v as { name?: unknown }).name;
    else metaInput[k] = v;
  }
  const meta = readMeta(metaInput, options.where, { now: options.now, splitByline: true });
  const fieldSources: Record<string, string> = { body: `json:${bodyKey}` };
  for (const key of Object.keys(meta)) fieldSources[key] = 'json';
  const identity =
    options.urlsSeen && recordIdentity(record, meta, body.map((b) => b.text).join('\n'), options.urlsSeen);
  return buildArticle(
    {
      format: options.format,
      body,
      related,
      meta,
      fieldSources,
      now: options.now,
      ...(identity ? { identity } : {}),
    },
    options,
  );
}
