import type { ArticleMeta } from '../../model/article-meta-schema';
import { normalizeLine } from '../../text/normalize-text';
import { readHtmlDates } from './read-html-dates';
import { readJsonLd } from './read-json-ld';
import { splitAuthors } from '../../metadata/split-authors';
import { bylineFromModule, isSectionFront } from './byline-origin';

/** What Readability itself found, for the fields it finds. */
export interface ReadabilityFields {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  lang?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
  excerpt?: string | null | undefined;
  /** The article's body as Readability kept it (in its own copy of the page). */
  content?: Node | null | undefined;
}

/** A paragraph of the story, not a line of its foot ("Posted on 3 March 2024 by Sam"). */
const STORY_PARAGRAPH_CHARS = 80;

/**
 * The text of the last paragraph of the story Readability kept: where the post's foot begins. Short
 * lines after it (which Readability may keep) are read as the foot.
 */
function lastParagraphOf(content: Node | null | undefined): string | undefined {
  const paragraphs = (content as Element | null | undefined)?.querySelectorAll?.('p') ?? [];
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const text = paragraphs[i]?.textContent?.trim();
    if (text && text.length >= STORY_PARAGRAPH_CHARS) return text;
  }
  return undefined;
}

export interface HtmlMeta {
  meta: ArticleMeta;
  fieldSources: Record<string, string>;
  /** The page lists stories (a section front): it has no author of its own. */
  sectionFront: boolean;
}

type Candidate<T> = [T | undefined, string];

function first<T>(
  candidates: Candidate<T>[],
  valid: (v: T) => boolean = () => true,
): [T, string] | undefined {
  for (const [value, source] of candidates) if (value !== undefined && valid(value)) return [value, source];
  return undefined;
}

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function language(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const tag = value.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : undefined;
}

/** What the page says about itself, read once: its meta tags, JSON-LD and Parse.ly data, and Readability's fields. */
interface PageMeta {
  doc: Document;
  readability: ReadabilityFields;
  pageUrl: string | undefined;
  /** Every meta tag's content by its lower-cased property, name, itemprop or http-equiv. */
  metas: Map<string, string[]>;
  ld: ReturnType<typeof readJsonLd>;
  ldScripts: string[];
  /** The first content of a meta key. */
  m: (key: string) => string | undefined;
  /** Every content of a meta key. */
  all: (key: string) => string[];
  /** A string field of the Parse.ly page data. */
  pStr: (key: string) => string | undefined;
}

/** The page's meta tags: content by key (a tag with several keys in one attribute is read under each). */
function readMetaTags(doc: Document): Map<string, string[]> {
  const metas = new Map<string, string[]>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content');
    if (!content?.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
        const list = metas.get(key) ?? [];
        list.push(content.trim());
        metas.set(key, list);
      }
    }
  }
  return metas;
}

/** The Parse.ly page data (JSON in a meta tag), when it parses. */
function readParsely(raw: string | undefined): Record<string, unknown> | undefined {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readPage(doc: Document, readability: ReadabilityFields, pageUrl: string | undefined): PageMeta {
  const metas = readMetaTags(doc);
  const m = (key: string) => metas.get(key)?.[0];
  const ldScripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  const parsely = readParsely(m('parsely-page'));
  return {
    doc,
    readability,
    pageUrl,
    metas,
    ld: readJsonLd(ldScripts, {
      title: m('og:title') ?? doc.querySelector('title')?.textContent ?? undefined,
      urls: [
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
        m('og:url'),
        pageUrl,
      ],
    }),
    ldScripts,
    m,
    all: (key: string) => metas.get(key) ?? [],
    pStr: (k: string) => (typeof parsely?.[k] === 'string' ? (parsely[k] as string) : undefined),
  };
}

/** The fields found so far, and where each came from. */
interface FoundMeta {
  meta: ArticleMeta;
  sources: Record<string, string>;
}

function put<K extends keyof ArticleMeta>(
  out: FoundMeta,
  key: K,
  found: [ArticleMeta[K], string] | undefined,
): void {
  if (!found) return;
  out.meta[key] = found[0];
  out.sources[key] = found[1];
}

const clean = (s: string | null | undefined) => (s ? normalizeLine(s) || undefined : undefined);

const splitTags = (s: string) =>
  s
    .split(',')
    .map((t) => normalizeLine(t))
    .filter(Boolean);

function urlCandidates({ doc, m, ld, pageUrl }: PageMeta): Candidate<string>[] {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const base = pageUrl;
  return [
    [absoluteUrl(canonical, base), 'html:link-canonical'],
    [absoluteUrl(m('og:url'), base), 'meta:og:url'],
    [absoluteUrl(ld?.url, base), 'json-ld:url'],
    [absoluteUrl(pageUrl, undefined), 'fetched-url'],
  ];
}

function titleCandidates({ doc, readability, m, ld, pStr }: PageMeta): Candidate<string>[] {
  return [
    [clean(readability.title), 'readability'],
    [clean(ld?.headline), 'json-ld:headline'],
    [clean(m('og:title')), 'meta:og:title'],
    [clean(m('parsely-title') ?? pStr('title')), 'meta:parsely'],
    [clean(m('dc.title') ?? m('dcterms.title')), 'meta:dublin-core'],
    [clean(doc.querySelector('title')?.textContent), 'html:title'],
  ];
}

/**
 * The authors: structured sources first (they list people), then meta, then Readability's byline text.
 * Readability takes the first byline-like element, which may belong to a list of other stories, so it is
 * looked for only when the page's metadata names nobody.
 */
function findByline({ doc, readability, all, ld }: PageMeta): [string[], string] | undefined {
  const authorCandidates: Candidate<string[]>[] = [
    [ld?.authors.flatMap(splitAuthors), 'json-ld:author'],
    [all('article:author').flatMap(splitAuthors), 'meta:article:author'],
    [
      ['dc.creator', 'dc:creator', 'dcterm:creator', 'dcterms.creator', 'dcterms:creator']
        .flatMap(all)
        .flatMap(splitAuthors),
      'meta:dublin-core',
    ],
    [all('author').flatMap(splitAuthors), 'meta:author'],
    [all('parsely-author').flatMap(splitAuthors), 'meta:parsely'],
  ];
  const fromReadability = (): Candidate<string[]> => [
    bylineFromModule(doc, readability.byline) ? [] : splitAuthors(readability.byline),
    'readability:byline',
  ];
  return first(authorCandidates, (v) => v.length > 0) ?? first([fromReadability()], (v) => v.length > 0);
}

function languageCandidates({ doc, readability, m, ld }: PageMeta): Candidate<string>[] {
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? undefined;
  return [
    [language(htmlLang), 'html:lang'],
    [language(readability.lang ?? undefined), 'readability'],
    [language(m('content-language')), 'meta:content-language'],
    [language(m('og:locale')), 'meta:og:locale'],
    [language(m('dc.language') ?? m('dcterms.language')), 'meta:dublin-core'],
    [language(ld?.language), 'json-ld:inLanguage'],
  ];
}

/** The site's name, with the origin of the article's URL when it has one. */
function putSource({ readability, m, ld }: PageMeta, out: FoundMeta): void {
  const site = first<string>([
    [clean(m('og:site_name')), 'meta:og:site_name'],
    [clean(ld?.publisher), 'json-ld:publisher'],
    [clean(readability.siteName), 'readability'],
    [clean(m('application-name')), 'meta:application-name'],
  ]);
  if (!site) return;
  let origin: string | undefined;
  try {
    origin = out.meta.url ? new URL(out.meta.url).origin : undefined;
  } catch {
    origin = undefined;
  }
  out.meta.source = origin ? { name: site[0], url: origin } : site[0];
  out.sources.source = site[1];
}

function standfirstCandidates({ readability, m, ld }: PageMeta): Candidate<string>[] {
  return [
    [clean(m('og:description')), 'meta:og:description'],
    [clean(ld?.description), 'json-ld:description'],
    [clean(m('description')), 'meta:description'],
    [clean(readability.excerpt), 'readability:excerpt'],
  ];
}

function sectionCandidates({ m, ld, pStr }: PageMeta): Candidate<string>[] {
  return [
    [clean(m('article:section')), 'meta:article:section'],
    [clean(ld?.section), 'json-ld:articleSection'],
    [clean(m('parsely-section') ?? pStr('section')), 'meta:parsely'],
  ];
}

function tagCandidates({ all, ld }: PageMeta): Candidate<string[]>[] {
  return [
    [all('article:tag').flatMap(splitTags), 'meta:article:tag'],
    [ld?.keywords, 'json-ld:keywords'],
    [all('parsely-tags').flatMap(splitTags), 'meta:parsely'],
    [all('news_keywords').flatMap(splitTags), 'meta:news_keywords'],
    [all('keywords').flatMap(splitTags), 'meta:keywords'],
  ];
}

/** The image, resolved against the page's URL, else the article's own. */
function imageCandidates({ m, ld, pageUrl }: PageMeta, articleUrl: string | undefined): Candidate<string>[] {
  const base = pageUrl ?? articleUrl;
  return [
    [absoluteUrl(m('og:image'), base), 'meta:og:image'],
    [absoluteUrl(ld?.image, base), 'json-ld:image'],
    [absoluteUrl(m('twitter:image'), base), 'meta:twitter:image'],
  ];
}

/**
 * Reads the page's own metadata: meta tags (Open Graph, article:*, Parse.ly, Dublin Core), JSON-LD, <time>, URL.
 * `now` (the fetch time, ISO 8601) bounds the dates: a date that cannot be the article's is passed over.
 */
export function readHtmlMeta(
  doc: Document,
  readability: ReadabilityFields,
  pageUrl?: string,
  now?: string,
): HtmlMeta {
  const page = readPage(doc, readability, pageUrl);
  const out: FoundMeta = { meta: {}, sources: {} };
  put(out, 'url', first(urlCandidates(page)));
  put(out, 'title', first(titleCandidates(page)));
  // A section front lists other people's stories: it has no author of its own.
  const sectionFront = isSectionFront(doc, {
    articleLd: page.ld !== undefined,
    ldScripts: page.ldScripts,
    ogType: page.m('og:type'),
    publishedMeta: page.metas.has('article:published_time'),
  });
  if (!sectionFront) put(out, 'byline', findByline(page));
  const dates = readHtmlDates(doc, {
    meta: page.m,
    ld: page.ld,
    parselyPubDate: page.pStr('pub_date'),
    readabilityTime: readability.publishedTime,
    title: out.meta.title,
    urls: [out.meta.url, pageUrl],
    lastParagraph: lastParagraphOf(readability.content),
    now,
    sectionFront,
  });
  put(out, 'publishedAt', dates.published);
  put(out, 'updatedAt', dates.updated);
  put(out, 'language', first(languageCandidates(page)));
  putSource(page, out);
  put(out, 'standfirst', first(standfirstCandidates(page)));
  put(out, 'section', first(sectionCandidates(page)));
  put(
    out,
    'tags',
    first(tagCandidates(page), (v) => v.length > 0),
  );
  if (out.meta.tags) out.meta.tags = out.meta.tags.slice(0, 50);
  put(out, 'image', first(imageCandidates(page, out.meta.url)));
  return { meta: out.meta, fieldSources: out.sources, sectionFront };
}
