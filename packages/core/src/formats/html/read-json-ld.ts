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

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|WebPage)$/;

type Node = Record<string, unknown>;

function types(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function flatten(value: unknown, out: Node[], depth = 0): void {
  if (depth > 6 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const node = value as Node;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
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
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | undefined {
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
  const candidates = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  // A specific article type beats a generic WebPage.
  const node =
    candidates.find((n) => types(n).some((t) => t !== 'WebPage')) ??
    candidates.find((n) => n.datePublished || n.author);
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
  set('datePublished', text(node.datePublished));
  set('dateCreated', text(node.dateCreated));
  set('dateModified', text(node.dateModified));
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
