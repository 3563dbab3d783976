import { fromZodError } from '../errors/from-zod-error';
import { isPlausibleDate } from './plausible-date';
import { splitAuthors } from './split-authors';
import { IsoDateSchema } from '../model/article-schema';
import { type ArticleMeta, ArticleMetaSchema } from '../model/article-meta-schema';

// Names that front matter in the wild uses for the fields of ArticleMeta.
const ALIASES: Record<string, keyof ArticleMeta> = {
  headline: 'title',
  author: 'byline',
  authors: 'byline',
  by: 'byline',
  date: 'publishedAt',
  published: 'publishedAt',
  published_at: 'publishedAt',
  datePublished: 'publishedAt',
  updated: 'updatedAt',
  updated_at: 'updatedAt',
  modified: 'updatedAt',
  dateModified: 'updatedAt',
  description: 'standfirst',
  subtitle: 'standfirst',
  lang: 'language',
  category: 'section',
  keywords: 'tags',
  link: 'url',
  canonical: 'url',
  site: 'source',
  site_name: 'source',
  publisher: 'source',
};

const KNOWN = new Set(Object.keys(ArticleMetaSchema.shape));

/** A well-formed date that cannot be the article's (0001-01-01, the epoch, after `now`): the next alias is read. */
function isRefusedDate(value: unknown, now: string | undefined): boolean {
  return typeof value === 'string' && IsoDateSchema.safeParse(value).success && !isPlausibleDate(value, now);
}

export interface ReadMetaOptions {
  /** When the input was fetched or ingested (ISO 8601): bounds the dates. */
  now?: string | undefined;
  /**
   * Read bylines as they arrive from the open web ("By A and B", "X Africa correspondent"): split into
   * credits, jobs, dates and logins removed (see splitAuthors). A caller's own meta is taken as given.
   */
  splitByline?: boolean;
}

/** A byline as it arrived (text or a list), as credits; what is not text stays, for the schema to report. */
function creditsOf(byline: unknown): unknown[] {
  return (Array.isArray(byline) ? byline : [byline]).flatMap((b: unknown) =>
    typeof b === 'string' ? splitAuthors(b) : [b],
  );
}

/**
 * Reads metadata from front matter or a caller: known names and their common aliases are kept and
 * validated; other keys (layout, draft...) are ignored, since they say nothing about the article.
 * A date that cannot be the article's (see isPlausibleDate; `now` is the fetch or ingest time) is
 * passed over, so that another name for the same field ("date" after "datePublished") is read instead.
 */
export function readMeta(
  raw: Record<string, unknown> | undefined,
  where: string,
  options: ReadMetaOptions = {},
): ArticleMeta {
  const { now } = options;
  if (!raw) return {};
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined || value === '') continue;
    const name = KNOWN.has(key) ? key : ALIASES[key];
    if (!name || name in picked) continue;
    // YAML reads bare dates as strings with the core schema; numbers (a year) become strings too.
    const read =
      value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : value;
    if ((name === 'publishedAt' || name === 'updatedAt') && isRefusedDate(read, now)) continue;
    picked[name] = read;
  }
  if (options.splitByline && picked.byline !== undefined) {
    const credits = creditsOf(picked.byline);
    if (credits.length > 0) picked.byline = credits;
    else delete picked.byline;
  }
  if (typeof picked.tags === 'string')
    picked.tags = picked.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const result = ArticleMetaSchema.safeParse(picked);
  if (!result.success)
    throw fromZodError(
      where === 'front matter' ? 'INVALID_FRONT_MATTER' : 'INVALID_META',
      where,
      result.error,
    );
  return result.data;
}
