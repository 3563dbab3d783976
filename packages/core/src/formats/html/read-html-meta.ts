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
  const m = (key: string) => metas.get(key)?.[0];
  const all = (key: string) => metas.get(key) ?? [];
  const ldScripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  const ld = readJsonLd(ldScripts);
  let parsely: Record<string, unknown> | undefined;
  try {
    const raw = m('parsely-page');
    if (raw) parsely = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    parsely = undefined;
  }
  const pStr = (k: string) => (typeof parsely?.[k] === 'string' ? (parsely[k] as string) : undefined);

  const meta: ArticleMeta = {};
  const sources: Record<string, string> = {};
  const put = <K extends keyof ArticleMeta>(key: K, found: [ArticleMeta[K], string] | undefined) => {
    if (!found) return;
    meta[key] = found[0];
    sources[key] = found[1];
  };

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const base = pageUrl;
  put(
    'url',
    first<string>([
      [absoluteUrl(canonical, base), 'html:link-canonical'],
      [absoluteUrl(m('og:url'), base), 'meta:og:url'],
      [absoluteUrl(ld?.url, base), 'json-ld:url'],
      [absoluteUrl(pageUrl, undefined), 'fetched-url'],
    ]),
  );

  const clean = (s: string | null | undefined) => (s ? normalizeLine(s) || undefined : undefined);
  put(
    'title',
    first<string>([
      [clean(readability.title), 'readability'],
      [clean(ld?.headline), 'json-ld:headline'],
      [clean(m('og:title')), 'meta:og:title'],
      [clean(m('parsely-title') ?? pStr('title')), 'meta:parsely'],
      [clean(m('dc.title') ?? m('dcterms.title')), 'meta:dublin-core'],
      [clean(doc.querySelector('title')?.textContent), 'html:title'],
    ]),
  );

  // Authors: structured sources first (they list people), then meta, then Readability's byline text.
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
  // Readability takes the first byline-like element, which may belong to a list of other stories
  // (looked for only when the page's metadata names nobody).
  const fromReadability = (): Candidate<string[]> => [
    bylineFromModule(doc, readability.byline) ? [] : splitAuthors(readability.byline),
    'readability:byline',
  ];
  // A section front lists other people's stories: it has no author of its own.
  const sectionFront = isSectionFront(doc, {
    articleLd: ld !== undefined,
    ldScripts,
    ogType: m('og:type'),
    publishedMeta: metas.has('article:published_time'),
  });
  if (!sectionFront)
    put(
      'byline',
      first(authorCandidates, (v) => v.length > 0) ?? first([fromReadability()], (v) => v.length > 0),
    );

  const dates = readHtmlDates(doc, {
    meta: m,
    ld,
    parselyPubDate: pStr('pub_date'),
    readabilityTime: readability.publishedTime,
    title: meta.title,
    urls: [meta.url, pageUrl],
    now,
  });
  put('publishedAt', dates.published);
  put('updatedAt', dates.updated);

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? undefined;
  put(
    'language',
    first<string>([
      [language(htmlLang), 'html:lang'],
      [language(readability.lang ?? undefined), 'readability'],
      [language(m('content-language')), 'meta:content-language'],
      [language(m('og:locale')), 'meta:og:locale'],
      [language(m('dc.language') ?? m('dcterms.language')), 'meta:dublin-core'],
      [language(ld?.language), 'json-ld:inLanguage'],
    ]),
  );

  const site = first<string>([
    [clean(m('og:site_name')), 'meta:og:site_name'],
    [clean(ld?.publisher), 'json-ld:publisher'],
    [clean(readability.siteName), 'readability'],
    [clean(m('application-name')), 'meta:application-name'],
  ]);
  if (site) {
    let origin: string | undefined;
    try {
      origin = meta.url ? new URL(meta.url).origin : undefined;
    } catch {
      origin = undefined;
    }
    meta.source = origin ? { name: site[0], url: origin } : site[0];
    sources.source = site[1];
  }

  put(
    'standfirst',
    first<string>([
      [clean(m('og:description')), 'meta:og:description'],
      [clean(ld?.description), 'json-ld:description'],
      [clean(m('description')), 'meta:description'],
      [clean(readability.excerpt), 'readability:excerpt'],
    ]),
  );
  put(
    'section',
    first<string>([
      [clean(m('article:section')), 'meta:article:section'],
      [clean(ld?.section), 'json-ld:articleSection'],
      [clean(m('parsely-section') ?? pStr('section')), 'meta:parsely'],
    ]),
  );
  const splitTags = (s: string) =>
    s
      .split(',')
      .map((t) => normalizeLine(t))
      .filter(Boolean);
  put(
    'tags',
    first<string[]>(
      [
        [all('article:tag').flatMap(splitTags), 'meta:article:tag'],
        [ld?.keywords, 'json-ld:keywords'],
        [all('parsely-tags').flatMap(splitTags), 'meta:parsely'],
        [all('news_keywords').flatMap(splitTags), 'meta:news_keywords'],
        [all('keywords').flatMap(splitTags), 'meta:keywords'],
      ],
      (v) => v.length > 0,
    ),
  );
  if (meta.tags) meta.tags = meta.tags.slice(0, 50);
  put(
    'image',
    first<string>([
      [absoluteUrl(m('og:image'), base ?? meta.url), 'meta:og:image'],
      [absoluteUrl(ld?.image, base ?? meta.url), 'json-ld:image'],
      [absoluteUrl(m('twitter:image'), base ?? meta.url), 'meta:twitter:image'],
    ]),
  );
  return { meta, fieldSources: sources, sectionFront };
}
