import { type EnrichOptions, enrichArticle } from '../enrich/enrich-article';
import { articleId } from '../ids/article-id';
import { sha256Hex } from '../ids/sha256-hex';
import { articleSlug } from '../ids/slugify';
import type { Article } from '../model/article-schema';
import type { ArticleMeta } from '../model/article-meta-schema';
import type { Block } from '../model/block-schema';
import type { InputFormat } from '../model/provenance-schema';
import type { QualityFlag } from '../model/quality-flag-schema';
import type { Related } from '../model/related-schema';
import { isPlausibleDate } from '../metadata/plausible-date';
import { countWords, readingMinutes } from '../text/count-words';
import { deriveTitle } from '../text/derive-title';
import { detectLanguage } from '../text/detect-language';
import { normalizeLine } from '../text/normalize-text';
import { fillFromHead, liftHead } from './lift-head';
import { PARSER_VERSION } from './parser-version';

/** What every input parser hands over: the body it read, and what it knows about the article. */
export interface ArticleParts {
  format: InputFormat;
  body: Block[];
  related?: Related[];
  meta: ArticleMeta;
  /** Where each meta field came from ("given", "front-matter", "json-ld"...). */
  fieldSources: Record<string, string>;
  quality?: QualityFlag[];
  /** A title the input itself carried (e.g. its first line), when meta has none. */
  titleFromText?: string;
  /** When the input was fetched or ingested (ISO 8601): bounds publishedAt and updatedAt. */
  now?: string | undefined;
  /** The source's own identity for the article when its URL is not its own (see articleId). */
  identity?: string;
  /** The page lists stories (a section front): no line of it is its byline, date or dateline. */
  sectionFront?: boolean;
}

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeLine).filter(Boolean))];
}

/** Credits once each, whatever their case ("TavernCast" and "Taverncast" are one), as first written. */
function uniqueCredits(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return uniqueStrings(values).filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The parsers pass over dates that cannot be the article's (and read their next source); this is the
 * last guard, so that no path, present or future, stores a placeholder or a date after `now`.
 */
function withPlausibleDates(meta: ArticleMeta, fields: Record<string, string>, now?: string): ArticleMeta {
  const out = { ...meta };
  for (const key of ['publishedAt', 'updatedAt'] as const) {
    const value = out[key];
    if (value !== undefined && !isPlausibleDate(value, now)) {
      delete out[key];
      delete fields[key];
    }
  }
  return out;
}

/**
 * The title the parts give (meta, else the input's own first line), or one derived from the lede
 * (flagged) when they give none; its source is recorded in `fields`.
 */
function chooseTitle(
  meta: ArticleMeta,
  titleFromText: string | undefined,
  body: readonly Block[],
  fields: Record<string, string>,
  quality: Set<QualityFlag>,
): { title: string; titleSource: Article['titleSource'] } {
  const title = meta.title ? normalizeLine(meta.title) : titleFromText;
  if (title) {
    if (!meta.title) fields.title = 'text:first-line';
    return { title, titleSource: 'given' };
  }
  const lede = body.find((b) => b.kind === 'paragraph')?.text ?? body[0]?.text ?? '';
  fields.title = 'derived:lede';
  quality.add('no-title');
  quality.add('title-derived');
  return { title: deriveTitle(lede) || 'Untitled', titleSource: 'derived' };
}

/** The article's optional fields, set only when the parts give them (an absent field stays absent). */
function setOptionalFields(
  article: Article,
  meta: ArticleMeta,
  source: Article['source'],
  dateline: Article['dateline'],
  fields: Record<string, string>,
): void {
  if (meta.standfirst) article.standfirst = normalizeLine(meta.standfirst);
  if (source) article.source = source;
  if (meta.url) article.url = meta.url;
  if (meta.image) article.image = meta.image;
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  if (meta.updatedAt) article.updatedAt = meta.updatedAt;
  if (meta.section) article.section = normalizeLine(meta.section);
  if (dateline) {
    article.dateline = dateline;
    fields.dateline = 'text:dateline';
  }
}

/**
 * Assembles a valid Article from parsed parts: identity, title, counts, language and quality flags.
 * Nothing is invented: a field the parts do not give stays absent (and is flagged). `options.recognizer`
 * chooses the entity recogniser (the rule-based one by default).
 */
export function buildArticle(parts: ArticleParts, options: EnrichOptions = {}): Article {
  const fields: Record<string, string> = { ...parts.fieldSources };
  // Byline, date and dateline lines at the head of the story are metadata, never body.
  // A section front's head lines are its first teaser's byline and date, not its own: it keeps them.
  const { body, head, dateline } = parts.sectionFront
    ? { body: [...parts.body], head: {}, dateline: undefined }
    : liftHead(parts.body, parts.now);
  const meta = withPlausibleDates(fillFromHead(parts.meta, fields, head), fields, parts.now);
  const quality = new Set<QualityFlag>(parts.quality ?? []);
  const bodyText = body.map((b) => b.text).join('\n\n');
  const contentHash = sha256Hex(bodyText);

  const { title, titleSource } = chooseTitle(meta, parts.titleFromText, body, fields, quality);

  const byline = uniqueCredits(typeof meta.byline === 'string' ? [meta.byline] : (meta.byline ?? []));
  const source = typeof meta.source === 'string' ? { name: meta.source } : meta.source;
  const language = meta.language ?? detectLanguage(bodyText);
  if (!meta.language) {
    fields.language = 'derived:text';
    quality.add('language-guessed');
  }
  if (!meta.publishedAt) quality.add('no-date');
  if (byline.length === 0) quality.add('no-byline');
  if (!source) quality.add('no-source');
  if (!meta.url) quality.add('no-url');
  if ((parts.related?.length ?? 0) > 0) quality.add('teasers-removed');
  // Undecodable bytes are never stored silently: the article says its text is damaged.
  if ([title, bodyText, meta.standfirst ?? '', ...byline].some((t) => t.includes('\uFFFD')))
    quality.add('replacement-characters');

  const wordCount = countWords(bodyText);
  if (wordCount < 50) quality.add('short-body');
  const id = articleId({ url: meta.url, identity: parts.identity, contentHash });

  const article: Article = {
    id,
    slug: articleSlug(title, id),
    title,
    titleSource,
    byline,
    language,
    tags: uniqueStrings(meta.tags ?? []),
    body,
    related: parts.related ?? [],
    quotes: [],
    entities: [],
    dates: [],
    amounts: [],
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    quality: [...quality].sort(),
    provenance: { format: parts.format, contentHash, parser: PARSER_VERSION, fields },
  };
  setOptionalFields(article, meta, source, dateline, fields);
  // Enrichment reads the finished body: entities, quotes, dates, amounts, summary, tags.
  const enrichment = enrichArticle(article, options);
  Object.assign(article, enrichment);
  fields.entities = 'derived:text';
  if (enrichment.summary) fields.summary = 'derived:lede';
  if (enrichment.publishedEstimate) fields.publishedEstimate = 'derived:text';
  return article;
}
