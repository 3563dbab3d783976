import { inOtherStoriesModule, inTeaserCard } from './other-stories';

/**
 * Where on a page the article's own dates are written: the blocks around its headline (kicker, byline,
 * time line), and the modules where other articles' dates are (related stories, sidebars, footers).
 */

/** Containers of other articles or of the site, whose dates are never the article's. */
export const ELSEWHERE =
  'nav, footer, [role="complementary"], [class*="related" i], [class*="recommend" i], [class*="teaser" i], [class*="sidebar" i], [class*="comment" i], [class*="promo" i], [class*="more-" i], [id*="related" i], [id*="sidebar" i], [id*="comment" i]';

/**
 * Whether an element sits in a module of other articles or of the site (related, sidebar, footer...).
 * An <aside> inside the article is its own (blogs put the post's author and date there); one outside is not.
 */
export function isElsewhere(el: Element): boolean {
  if (el.closest(ELSEWHERE) !== null || inOtherStoriesModule(el) || inTeaserCard(el)) return true;
  const aside = el.closest('aside');
  return aside !== null && aside.closest('article') === null;
}

const fold = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Where a page without an <h1> for its story writes the headline: a lower heading or a marked block. */
const OTHER_HEADLINES = 'h2, h3, [itemprop="headline"], [class*="headline" i], [class*="title" i]';

/**
 * The page's headline element: the <h1> that holds the title (or that the title holds), else a lower
 * heading or a block marked as the headline that does (pages without an <h1>), else the first <h1>.
 */
export function headlineElement(doc: Document, title: string | undefined): Element | undefined {
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 10);
  const want = fold(title);
  // The title may add the site's name ("Headline - The Paper"): the headline is most of it.
  const holdsTitle = (h: Element) => {
    const text = fold(h.textContent);
    return text.length > 0 && want.length > 0 && (want.includes(text) || text.includes(want));
  };
  const namesTitle = (h: Element) => holdsTitle(h) && fold(h.textContent).length * 2 >= want.length;
  return (
    h1s.find(holdsTitle) ??
    [...doc.querySelectorAll(OTHER_HEADLINES)].slice(0, 50).find((h) => namesTitle(h) && !isElsewhere(h)) ??
    h1s.find((h) => !isElsewhere(h))
  );
}

/** How much text around the headline is read for its date: dates further away belong to the body. */
export const NEAR_HEADLINE = { before: 200, after: 600, block: 160 } as const;

function ownTextLength(el: Element): number {
  return el.children.length === 0 ? (el.textContent ?? '').trim().length : 0;
}

/**
 * The short blocks (at most NEAR_HEADLINE.block characters of text) within a few hundred characters of
 * text before and after the headline, nearest first after it, then before it; blocks before the
 * headline are read only inside the article's own container, never in the site's header.
 */
export function blocksNearHeadline(doc: Document, headline: Element): Element[] {
  const all = [...(doc.body ?? doc.documentElement).querySelectorAll('*')];
  const at = all.indexOf(headline);
  if (at < 0) return [];
  const container = headline.closest('article, main, [role="main"]');
  const isShort = (el: Element) => (el.textContent ?? '').trim().length <= NEAR_HEADLINE.block;
  const after: Element[] = [];
  let seen = 0;
  for (let i = at + 1; i < all.length && seen < NEAR_HEADLINE.after; i++) {
    const el = all[i] as Element;
    if (headline.contains(el)) continue;
    seen += ownTextLength(el);
    if (isShort(el) && !isElsewhere(el)) after.push(el);
  }
  const before: Element[] = [];
  seen = 0;
  for (let i = at - 1; container && i >= 0 && seen < NEAR_HEADLINE.before; i--) {
    const el = all[i] as Element;
    if (!container.contains(el) || el.contains(headline)) continue;
    seen += ownTextLength(el);
    if (isShort(el) && !isElsewhere(el)) before.push(el);
  }
  return [...after, ...before];
}
