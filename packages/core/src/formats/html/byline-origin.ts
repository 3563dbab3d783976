import { normalizeLine } from '../../text/normalize-text';
import { inOtherStoriesModule, inTeaserCard } from './other-stories';

// Modules beside a story that list other stories, each with its own byline.
const MODULE =
  /related|recommend|more-?(?:stories|news|from|on|in)|read-?(?:more|next)|also-?read|teaser|promo|trending|popular|most-?(?:read|viewed|shared)|outbrain|taboola|recirc|up-?next|sidebar|widget/i;
const MODULE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER']);
const CREDIT_ATTR = /byline|author|writtenby/i;
// Page types of JSON-LD that list stories rather than tell one.
const LISTING_TYPE = /"(?:CollectionPage|ItemList|SiteNavigationElement)"/;

/**
 * Whether JSON-LD names a listing page type: each "@type" value (a string or a list) is read on its own,
 * so a long script with many types costs a pass, not a scan per "@type".
 */
function namesListingType(json: string): boolean {
  for (let at = json.indexOf('"@type"'); at >= 0; at = json.indexOf('"@type"', at + 7)) {
    const value = /^\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(json.slice(at + 7, at + 7 + 2_000));
    if (value && LISTING_TYPE.test(value[1]!)) return true;
  }
  return false;
}
/** A page with this many <article> elements and no article metadata lists stories. */
const LISTING_ARTICLES = 4;
/** Elements looked at for the byline's place: a page's first ones (a byline sits near the top). */
const MAX_ELEMENTS = 20_000;

const attrs = (el: Element) =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('rel') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;

function inModule(el: Element): boolean {
  if (inOtherStoriesModule(el) || inTeaserCard(el)) return true;
  const main = el.ownerDocument.querySelector('h1')?.closest('article');
  // <body> and <html> carry page-wide classes ("sidebar-primary" for the layout): not a module.
  for (let at = el.parentElement; at && !/^(?:BODY|HTML)$/i.test(at.tagName); at = at.parentElement) {
    if (MODULE_TAGS.has(at.tagName.toUpperCase()) || MODULE.test(attrs(at))) return true;
    // Another story's <article> than the one that holds the page's headline.
    if (main && at.tagName.toUpperCase() === 'ARTICLE' && at !== main) return true;
  }
  return false;
}

/**
 * Whether the byline Readability found was taken from a module beside the story (related stories,
 * most read, a sidebar): every credit element with its text sits in one. A byline met nowhere is kept.
 */
export function bylineFromModule(doc: Document, byline: string | null | undefined): boolean {
  const text = byline ? normalizeLine(byline) : '';
  if (!text) return false;
  const found = [...doc.querySelectorAll('[class],[id],[rel],[itemprop]')]
    .slice(0, MAX_ELEMENTS)
    .filter((el) => CREDIT_ATTR.test(attrs(el)) && normalizeLine(el.textContent ?? '') === text);
  return found.length > 0 && found.every(inModule);
}

/** What the page's metadata says of its kind, as read once by readHtmlMeta. */
export interface PageKind {
  /** JSON-LD holds an article node. */
  articleLd: boolean;
  /** The texts of the JSON-LD scripts. */
  ldScripts: readonly string[];
  ogType: string | undefined;
  /** An article:published_time meta tag is present. */
  publishedMeta: boolean;
}

/** Text in paragraphs outside teaser cards past which a page tells a story of its own. */
const OWN_STORY_CHARS = 400;

/**
 * Whether a page is made of teaser cards (linked headings, each with its lines) in lists or <div>s:
 * several linked headings and hardly any paragraph text outside the cards.
 */
function listsTeaserCards(doc: Document): boolean {
  if (doc.querySelectorAll('h2 a[href], h3 a[href]').length < LISTING_ARTICLES) return false;
  let own = 0;
  for (const p of [...doc.querySelectorAll('p')].slice(0, 500)) {
    if (!inTeaserCard(p)) own += (p.textContent ?? '').trim().length;
    if (own > OWN_STORY_CHARS) return false;
  }
  return true;
}

/**
 * Whether the page is a section front (a list of stories), which has no author or date of its own:
 * JSON-LD says it is a collection, or it holds several <article> elements or teaser cards while nothing
 * marks it as an article (no og:type "article", no article:published_time, no JSON-LD article).
 */
export function isSectionFront(doc: Document, kind: PageKind): boolean {
  if (kind.articleLd || kind.ogType?.trim().toLowerCase() === 'article' || kind.publishedMeta) return false;
  if (kind.ldScripts.some(namesListingType)) return true;
  return doc.querySelectorAll('article').length >= LISTING_ARTICLES || listsTeaserCards(doc);
}
