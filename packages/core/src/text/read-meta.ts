import { fromZodError } from '../errors/from-zod-error';
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

/**
 * Reads metadata from front matter or a caller: known names and their common aliases are kept and
 * validated; other keys (layout, draft...) are ignored, since they say nothing about the article.
 */
export function readMeta(raw: Record<string, unknown> | undefined, where: string): ArticleMeta {
  if (!raw) return {};
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined || value === '') continue;
    const name = KNOWN.has(key) ? key : ALIASES[key];
    if (!name || name in picked) continue;
    // YAML reads bare dates as strings with the core schema; numbers (a year) become strings too.
    picked[name] =
      value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : value;
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
