/** What the page's JSON-LD says about the article, when it has an Article-like node. */
export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  /** Read when datePublished is absent or cannot be the article's date. */
  dateCreated?: string;
  dateModified?: string;
  publisher?: string;
  language?: string;
  section?: string;
  keywords: string[];
  image?: string;
  url?: string;
  description?: string;
}

// Node types by how surely they are the story, first to last: an article, the page that holds it, then
// what some sites mark their story as (a video's page, a recipe, a review).
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting)$/;
const PAGE_TYPES = /^(?:WebPage|ItemPage|MedicalWebPage|AboutPage)$/;
const WORK_TYPES = /^(?:VideoObject|Recipe|Review|PodcastEpisode|CreativeWork)$/;

type Node = Record<string, unknown>;

/** The node's types without a vocabulary prefix ("schema:NewsArticle", "https://schema.org/NewsArticle"). */
function types(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(?:schema:|https?:\/\/schema\.org\/)/i, ''));
}

const isA = (node: Node, kind: RegExp) => types(node).some((t) => kind.test(t));

function flatten(value: unknown, out: Node[], depth = 0): void {
  if (depth > 6 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const node = value as Node;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
  // A WebPage whose main entity is the article: { "@type": "WebPage", "mainEntity": { "@type": "NewsArticle" } }.
  for (const key of ['mainEntity', 'mainEntityOfPage'])
    if (node[key] && typeof node[key] === 'object') flatten(node[key], out, depth + 1);
}

/** What the page says of itself, to tell its own article node from others' (related stories'). */
export interface PageHint {
  title?: string | undefined;
  urls?: ReadonlyArray<string | undefined>;
}

const fold = (v: string | undefined) =>
  (v ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** A URL without its scheme, query, fragment and trailing slash (cut at the first ? or #: one pass). */
function bareUrl(v: string | undefined): string {
  const url = (v ?? '').replace(/^https?:\/\//, '');
  const cut = url.search(/[?#]/);
  const path = cut >= 0 ? url.slice(0, cut) : url;
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Whether a node is the page's own: its URL is the page's, or its headline is the page's title. */
function isOwn(node: Node, hint: PageHint): boolean {
  const urls = (hint.urls ?? []).map(bareUrl).filter(Boolean);
  const url = bareUrl(text(node.url) ?? text(node.mainEntityOfPage));
  if (url && urls.includes(url)) return true;
  const headline = fold(text(node.headline) ?? text(node.name));
  const title = fold(hint.title);
  return headline.length > 0 && title.length > 0 && (title.includes(headline) || headline.includes(title));
}

/**
 * The node that tells the story: an article (the page's own when several are given: related stories
 * come as articles too), else a page or a work that names a date or an author (a generic WebPage
 * without either says nothing of the story).
 */
function storyNode(nodes: Node[], hint: PageHint): Node | undefined {
  const told = (n: Node) => Boolean(n.datePublished || n.uploadDate || n.author);
  const articles = nodes.filter((n) => isA(n, ARTICLE_TYPES));
  return (
    (articles.length > 1 ? articles.find((n) => isOwn(n, hint)) : undefined) ??
    articles[0] ??
    nodes.find((n) => isA(n, PAGE_TYPES) && told(n)) ??
    nodes.find((n) => isA(n, WORK_TYPES) && told(n))
  );
}

/**
 * A date the story node lacks, from the page that holds it (Yoast's @graph writes datePublished on the
 * WebPage and not on its Article): the page's own date, never another story's.
 */
function pageDate(nodes: Node[], story: Node, key: 'datePublished' | 'dateModified'): string | undefined {
  return text(story[key]) ?? text(nodes.find((n) => n !== story && isA(n, PAGE_TYPES) && n[key])?.[key]);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') {
    const v = value as Node;
    return text(v.name ?? v.url ?? v['@value'] ?? v['@id']);
  }
  return undefined;
}

function names(value: unknown, byId: Map<string, Node>): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object') {
      const node = item as Node;
      const ref = typeof node['@id'] === 'string' ? byId.get(node['@id']) : undefined;
      const name = text(node.name) ?? (ref ? text(ref.name) : undefined);
      if (name) out.push(name);
    }
  }
  return out.filter((n) => !/^https?:\/\//.test(n));
}

/**
 * The JSON of a script block without the wrappers pages put around it for old parsers: an HTML comment
 * (<!-- … -->) or a CDATA section (<![CDATA[ … ]]>, often behind //), which JSON.parse refuses.
 */
function unwrap(raw: string): string {
  return raw.replace(/^\s*(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '').replace(/(?:\/\/\s*)?(?:-->|\]\]>)\s*$/, '');
}

/** Reads the JSON-LD blocks of a page; broken JSON is skipped, never fatal. */
export function readJsonLd(scripts: readonly string[], hint: PageHint = {}): JsonLdArticle | undefined {
  const nodes: Node[] = [];
  for (const raw of scripts) {
    try {
      flatten(JSON.parse(unwrap(raw)), nodes);
    } catch {
      // A page's broken JSON-LD says nothing; the other sources still do.
    }
  }
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const node = storyNode(nodes, hint);
  if (!node) return undefined;
  const keywords = node.keywords;
  const result: JsonLdArticle = {
    authors: names(node.author ?? node.creator, byId),
    keywords: (Array.isArray(keywords) ? keywords : typeof keywords === 'string' ? keywords.split(',') : [])
      .map((k) => String(k).trim())
      .filter(Boolean),
  };
  const set = <K extends keyof JsonLdArticle>(key: K, value: JsonLdArticle[K] | undefined) => {
    if (value !== undefined) result[key] = value;
  };
  set('headline', text(node.headline) ?? text(node.name));
  set('datePublished', pageDate(nodes, node, 'datePublished') ?? text(node.uploadDate));
  set('dateCreated', text(node.dateCreated));
  set('dateModified', pageDate(nodes, node, 'dateModified'));
  const publisher = node.publisher as Node | undefined;
  const pubRef = publisher && typeof publisher['@id'] === 'string' ? byId.get(publisher['@id']) : undefined;
  set(
    'publisher',
    text(publisher?.name) ?? text(pubRef?.name) ?? (typeof publisher === 'string' ? publisher : undefined),
  );
  set('language', text(node.inLanguage));
  set('section', text(node.articleSection));
  set('image', text(node.image) ?? text(node.thumbnailUrl));
  set('url', text(node.url) ?? text(node.mainEntityOfPage));
  set('description', text(node.description));
  return result;
}
